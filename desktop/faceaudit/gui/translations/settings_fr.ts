<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MatchLevelBox</name>
    <message>
        <source>Match threshold</source>
        <translation>Seuil de ressemblance</translation>
    </message>
    <message>
        <source>How alike a face must be to yours to be shown as a finding.</source>
        <translation>À quel point un visage doit ressembler au vôtre pour être montré comme un résultat.</translation>
    </message>
</context>
<context>
    <name>ModelPackBox</name>
    <message>
        <source>Face model pack</source>
        <translation>Modèles de reconnaissance faciale</translation>
    </message>
    <message>
        <source>Model pack</source>
        <translation>Jeu de modèles</translation>
    </message>
    <message>
        <source>I accept this licence: I will use these model weights for non-commercial purposes only.</source>
        <translation>J’accepte cette licence : j’utiliserai ces poids de modèles à des fins non commerciales uniquement.</translation>
    </message>
    <message>
        <source>Use this pack</source>
        <translation>Utiliser ce jeu</translation>
    </message>
    <message>
        <source>Check the files again</source>
        <translation>Vérifier à nouveau les fichiers</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of every file of the pack and compare with the manifest</source>
        <translation>Calculer le SHA-256 de chaque fichier du jeu et le comparer au manifeste</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Avancement du téléchargement</translation>
    </message>
    <message>
        <source>&amp;Pack:</source>
        <translation>&amp;Jeu :</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Utilisé :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>InsightFace model weights: non-commercial research use only. Commercial use needs a licence from InsightFace.</source>
        <translation>Poids des modèles InsightFace : recherche non commerciale uniquement. Tout usage commercial demande une licence d’InsightFace.</translation>
    </message>
    <message>
        <source>The insightface library&apos;s own code is under the MIT licence.</source>
        <translation>Le code de la bibliothèque insightface elle-même est sous licence MIT.</translation>
    </message>
    <message>
        <source>The open case&apos;s reference photos were made with %1: to scan it or add photos to it, use %1 again.</source>
        <translation>Les photos de référence du dossier ouvert ont été analysées avec %1 : pour le rechercher ou y ajouter des photos, reprenez %1.</translation>
    </message>
</context>
<context>
    <name>NetworkBox</name>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Honour robots.txt when following links</source>
        <translation>Respecter robots.txt en suivant les liens</translation>
    </message>
    <message>
        <source>Pages you list yourself are always fetched, as a visit with a browser would be. robots.txt only decides which linked pages FaceAudit visits when a source&apos;s crawl depth is above 0.</source>
        <translation>Les pages que vous indiquez vous-même sont toujours chargées, comme lors d’une visite avec un navigateur. robots.txt décide seulement quelles pages liées FaceAudit visite quand la profondeur d’exploration d’une source est supérieure à 0.</translation>
    </message>
    <message>
        <source>Time to &amp;reach a server:</source>
        <translation>Délai pour &amp;joindre un serveur :</translation>
    </message>
    <message>
        <source>Time a server may stay s&amp;ilent:</source>
        <translation>S&amp;ilence toléré d’un serveur :</translation>
    </message>
    <message>
        <source>Requests at the &amp;same time:</source>
        <translation>Requêtes &amp;simultanées :</translation>
    </message>
    <message>
        <source>Requests to &amp;one site at a time:</source>
        <translation>Requêtes simultanées vers &amp;un site :</translation>
    </message>
    <message>
        <source>Fewer requests at a time are gentler on small sites and on a slow connection; a scan then takes longer.</source>
        <translation>Moins de requêtes simultanées ménagent les petits sites et les connexions lentes ; une recherche prend alors plus de temps.</translation>
    </message>
    <message>
        <source>Pages shown by FaceAudit&apos;s browser (sources rendered in a browser, and the in-app browser) cannot reach this computer, your local network or link-local addresses; downloads, pop-ups and dialogs are refused.</source>
        <translation>Les pages qu&apos;affiche le navigateur de FaceAudit (les sources affichées dans un navigateur, et le navigateur intégré) ne peuvent joindre ni cet ordinateur, ni votre réseau local, ni les adresses lien-local ; les téléchargements, fenêtres surgissantes et boîtes de dialogue sont refusés.</translation>
    </message>
    <message>
        <source>FaceAudit&apos;s browser (QtWebEngine) is installed.</source>
        <translation>Le navigateur de FaceAudit (QtWebEngine) est installé.</translation>
    </message>
    <message>
        <source>FaceAudit&apos;s browser (QtWebEngine) is not installed, so pages cannot be rendered in a browser.</source>
        <translation>Le navigateur de FaceAudit (QtWebEngine) n&apos;est pas installé : les pages ne peuvent donc pas être affichées dans un navigateur.</translation>
    </message>
    <message>
        <source>Linked pages are visited even where the site asks crawlers to stay away. Do this only for sites you have good reason to check.</source>
        <translation>Les pages liées sont visitées même là où le site demande aux robots de ne pas aller. Ne le faites que pour des sites que vous avez de bonnes raisons de vérifier.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>installed, every file checked against its SHA-256</source>
        <translation>installé, chaque fichier vérifié par son SHA-256</translation>
    </message>
    <message>
        <source>damaged: some files do not match their SHA-256</source>
        <translation>endommagé : certains fichiers ne correspondent pas à leur SHA-256</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>non installé</translation>
    </message>
    <message>
        <source>being checked…</source>
        <translation>vérification en cours…</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>Strict</translation>
    </message>
    <message>
        <source>Standard (recommended)</source>
        <translation>Standard (recommandé)</translation>
    </message>
    <message>
        <source>Lenient</source>
        <translation>Souple</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 sur %2 (%3 %)</translation>
    </message>
    <message>
        <source>&quot;Strong match&quot; from a similarity of %1, &quot;Possible match&quot; from %2.</source>
        <translation>« Forte ressemblance » à partir d’une similarité de %1, « Ressemblance possible » à partir de %2.</translation>
    </message>
    <message>
        <source>Different people shown to you as a possible match: %1 of the pairs.</source>
        <translation>Personnes différentes montrées comme ressemblance possible : %1 des paires.</translation>
    </message>
    <message>
        <source>Photos of the same person recognised: %1 of the pairs.</source>
        <translation>Photos d’une même personne reconnues : %1 des paires.</translation>
    </message>
    <message>
        <source>%1 · InsightFace · %2 MB to download</source>
        <translation>%1 · InsightFace · %2 Mo à télécharger</translation>
    </message>
    <message>
        <source>Two different people taken for one: %1 of the pairs.</source>
        <translation>Deux personnes différentes prises pour une seule : %1 des paires.</translation>
    </message>
    <message>
        <source>Measured with the buffalo_sc model on %1 labelled pairs of photos (%2 of the same person, %3 of different people). None in a few hundred is not never: a scan compares thousands of faces, so every finding waits for your review before it goes into a letter. A stricter level also refuses more of your own photos as references.</source>
        <translation>Mesuré avec le modèle buffalo_sc sur %1 paires de photos étiquetées (%2 d’une même personne, %3 de personnes différentes). Aucune sur quelques centaines ne veut pas dire jamais : une recherche compare des milliers de visages, c’est pourquoi chaque résultat attend votre vérification avant d’entrer dans une lettre. Un niveau plus strict refuse aussi davantage de vos propres photos comme références.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Restore the defaults</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <source>Match threshold and network settings back to how FaceAudit comes</source>
        <translation>Remet le seuil de ressemblance et les réglages réseau tels que FaceAudit les livre</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Some saved settings could not be used, so their defaults apply:</source>
        <translation>Certains réglages enregistrés sont inutilisables ; leurs valeurs par défaut s’appliquent :</translation>
    </message>
    <message>
        <source>Not saved: the settings file could not be written (%1). Nothing else was changed; check that the data folder is writable and has free space.</source>
        <translation>Non enregistré : le fichier des réglages n&apos;a pas pu être écrit (%1). Rien d&apos;autre n&apos;a été modifié ; vérifiez que le dossier des données est accessible en écriture et qu&apos;il reste de la place.</translation>
    </message>
    <message>
        <source>Not saved: %1 Nothing else was changed.</source>
        <translation>Non enregistré : %1 Rien d’autre n’a été modifié.</translation>
    </message>
    <message>
        <source>Saved. The next scan uses these settings, and so does the command line.</source>
        <translation>Enregistré. La prochaine recherche utilisera ces réglages, tout comme la ligne de commande.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>Open in the file manager</source>
        <translation>Ouvrir dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Your cases (encrypted with their passphrases), the cache of fetched pages, exported letters and these settings (%1). To keep everything in another folder, start FaceAudit with --data-dir FOLDER or set FACEAUDIT_HOME.</source>
        <translation>Vos dossiers (chiffrés avec leurs phrases secrètes), le cache des pages chargées, les lettres exportées et ces réglages (%1). Pour tout garder dans un autre dossier, lancez FaceAudit avec --data-dir DOSSIER ou définissez FACEAUDIT_HOME.</translation>
    </message>
    <message>
        <source>No file manager could open %1. The folder is there; open it by hand.</source>
        <translation>Aucun gestionnaire de fichiers n’a pu ouvrir %1. Le dossier existe ; ouvrez-le vous-même.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Following the system, FaceAudit turns light or dark when the system does.</source>
        <translation>En suivant le système, FaceAudit passe en clair ou en sombre en même temps que lui.</translation>
    </message>
    <message>
        <source>The new language is used the next time FaceAudit starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de FaceAudit.</translation>
    </message>
</context>
</TS>
