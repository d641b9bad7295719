<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CasesModel</name>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Reference photos</source>
        <translation>Photos de référence</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Findings (to review)</source>
        <translation>Résultats (à vérifier)</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>Dernière analyse</translation>
    </message>
    <message>
        <source>Opens with</source>
        <translation>S’ouvre avec</translation>
    </message>
    <message>
        <source>the clinic passphrase</source>
        <translation>la phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>its own or the clinic passphrase</source>
        <translation>la sienne ou celle de la clinique</translation>
    </message>
    <message>
        <source>its own passphrase</source>
        <translation>sa propre phrase secrète</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (illisible)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Cases on this computer</source>
        <translation>Dossiers sur cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;New case...</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>Create a new case</source>
        <translation>Créer un nouveau dossier</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Ouvrir le dossier sélectionné</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Close and lock the case</source>
        <translation>Fermer et verrouiller le dossier</translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected case for good</source>
        <translation>Supprimer définitivement le dossier sélectionné</translation>
    </message>
    <message>
        <source>There is no case yet. Create one to start: it takes a minute.</source>
        <translation>Il n’y a encore aucun dossier. Créez-en un pour commencer : cela prend une minute.</translation>
    </message>
    <message>
        <source>A case is one person&apos;s file: their reference photos, the pages to search, what was found and the letters. Each case is encrypted with its own key, opened by its passphrase (in a clinic, maybe the clinic passphrase).</source>
        <translation>Un dossier contient tout ce qui concerne une personne : ses photos de référence, les pages à examiner, ce qui a été trouvé et les courriers. Chaque dossier est chiffré avec sa propre clé, ouverte par sa phrase secrète (dans une clinique, parfois par la phrase secrète de la clinique).</translation>
    </message>
    <message>
        <source>No case is open; the cases are locked.</source>
        <translation>Aucun dossier n’est ouvert ; les dossiers sont verrouillés.</translation>
    </message>
    <message>
        <source>The case %1 is open.</source>
        <translation>Le dossier %1 est ouvert.</translation>
    </message>
    <message>
        <source>Delete the case?</source>
        <translation>Supprimer le dossier ?</translation>
    </message>
    <message>
        <source>The case %1 was deleted.</source>
        <translation>Le dossier %1 a été supprimé.</translation>
    </message>
    <message>
        <source>Delete the case “%1” for good?</source>
        <translation>Supprimer définitivement le dossier « %1 » ?</translation>
    </message>
    <message>
        <source>This destroys, on this computer:</source>
        <translation>Cela détruit, sur cet ordinateur :</translation>
    </message>
    <message numerus="yes">
        <source>%n reference photo(s) and their face data</source>
        <translation>
            <numerusform>%n photo de référence et ses données de visage</numerusform>
            <numerusform>%n photos de référence et leurs données de visage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) you listed</source>
        <translation>
            <numerusform>%n source que vous avez indiquée</numerusform>
            <numerusform>%n sources que vous avez indiquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) with their face thumbnails and evidence</source>
        <translation>
            <numerusform>%n résultat avec sa vignette de visage et sa preuve</numerusform>
            <numerusform>%n résultats avec leurs vignettes de visage et leurs preuves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s), your details and the tracked requests</source>
        <translation>
            <numerusform>%n analyse, vos coordonnées et les demandes suivies</numerusform>
            <numerusform>%n analyses, vos coordonnées et les demandes suivies</numerusform>
        </translation>
    </message>
    <message>
        <source>the letters drafted for it in %1</source>
        <translation>les courriers rédigés pour lui dans %1</translation>
    </message>
    <message>
        <source>The case&apos;s key is destroyed first, so nothing can be decrypted afterwards, not even with the passphrase. This cannot be undone. Letters you saved elsewhere are not touched.</source>
        <translation>La clé du dossier est détruite en premier : plus rien ne pourra être déchiffré ensuite, pas même avec la phrase secrète. C’est irréversible. Les courriers que vous avez enregistrés ailleurs ne sont pas touchés.</translation>
    </message>
</context>
<context>
    <name>CreateCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
</context>
<context>
    <name>CreateCaseForm</name>
    <message>
        <source>e.g. camille</source>
        <translation>par ex. camille</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>Nom du dossier</translation>
    </message>
    <message>
        <source>Your full name (optional)</source>
        <translation>Vos prénom et nom (facultatif)</translation>
    </message>
    <message>
        <source>E-mail address (optional)</source>
        <translation>Adresse e-mail (facultatif)</translation>
    </message>
    <message>
        <source>Postal address (optional)</source>
        <translation>Adresse postale (facultatif)</translation>
    </message>
    <message>
        <source>FR, GB, DE...</source>
        <translation>FR, BE, CH…</translation>
    </message>
    <message>
        <source>Country code (optional)</source>
        <translation>Code du pays (facultatif)</translation>
    </message>
    <message>
        <source>Language of the letters</source>
        <translation>Langue des courriers</translation>
    </message>
    <message>
        <source>Same as the window</source>
        <translation>Comme la fenêtre</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase secrète, une seconde fois</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidité de la phrase secrète</translation>
    </message>
    <message>
        <source>There is no recovery: if you forget this passphrase, nobody — not even FaceAudit — can open the case again. Write it down somewhere safe.</source>
        <translation>Aucune récupération n’est possible : si vous oubliez cette phrase secrète, personne — pas même FaceAudit — ne pourra rouvrir le dossier. Notez-la en lieu sûr.</translation>
    </message>
    <message>
        <source>A passphrase of its &amp;own</source>
        <translation>Une phrase secrète &amp;propre au dossier</translation>
    </message>
    <message>
        <source>The c&amp;linic passphrase</source>
        <translation>La phrase secrète de la c&amp;linique</translation>
    </message>
    <message>
        <source>With the clinic passphrase, every caseworker opens this case with the one passphrase of the clinic. With a passphrase of its own, only that passphrase opens it, e.g. when the client keeps the case. Either way the case has its own key, and the clinic passphrase opens no case created with its own. A clinic case can be given its own passphrase later.</source>
        <translation>Avec la phrase secrète de la clinique, chaque intervenant ouvre ce dossier avec l’unique phrase secrète de la clinique. Avec une phrase secrète propre, seule celle-ci l’ouvre, par exemple quand le client garde le dossier. Dans les deux cas, le dossier a sa propre clé, et la phrase secrète de la clinique n’ouvre aucun dossier créé avec sa propre phrase. Un dossier de la clinique peut recevoir sa propre phrase secrète plus tard.</translation>
    </message>
    <message>
        <source>Create the case</source>
        <translation>Créer le dossier</translation>
    </message>
    <message>
        <source>Case &amp;name:</source>
        <translation>&amp;Nom du dossier :</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Prénom et nom :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>&amp;Adresse postale :</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>Pa&amp;ys :</translation>
    </message>
    <message>
        <source>&amp;Letters in:</source>
        <translation>&amp;Courriers en :</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>P&amp;hrase secrète :</translation>
    </message>
    <message>
        <source>Lock it with:</source>
        <translation>Le verrouiller avec :</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la :</translation>
    </message>
    <message>
        <source>Only the case name is required. Your details are used in the letters to the sites, and are stored encrypted in the case.</source>
        <translation>Seul le nom du dossier est obligatoire. Vos coordonnées servent aux courriers adressés aux sites et sont conservées chiffrées dans le dossier.</translation>
    </message>
    <message>
        <source>Clinic &amp;passphrase:</source>
        <translation>&amp;Phrase secrète de la clinique :</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
    <message>
        <source>Creating the case...</source>
        <translation>Création du dossier…</translation>
    </message>
</context>
<context>
    <name>PassphraseLength</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Trop courte : au moins %n caractère.</numerusform>
            <numerusform>Trop courte : au moins %n caractères.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open the case %1</source>
        <translation>Ouvrir le dossier %1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>The clinic passphrase (the case %1 is locked under it):</source>
        <translation>La phrase secrète de la clinique (le dossier %1 est verrouillé par elle) :</translation>
    </message>
    <message>
        <source>Passphrase of the case %1, or the clinic passphrase (either opens it):</source>
        <translation>Phrase secrète du dossier %1, ou celle de la clinique (l’une ou l’autre l’ouvre) :</translation>
    </message>
    <message>
        <source>Passphrase of the case %1:</source>
        <translation>Phrase secrète du dossier %1 :</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Saisissez d’abord la phrase secrète.</translation>
    </message>
    <message>
        <source>Unlocking...</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>That is not the clinic passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Ce n’est pas la phrase secrète de la clinique. Vérifiez le verrouillage des majuscules et la disposition du clavier, puis réessayez.</translation>
    </message>
    <message>
        <source>That is neither the case&apos;s passphrase nor the clinic passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Ce n’est ni la phrase secrète du dossier ni celle de la clinique. Vérifiez le verrouillage des majuscules et la disposition du clavier, puis réessayez.</translation>
    </message>
    <message>
        <source>That passphrase does not open this case. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Cette phrase secrète n’ouvre pas ce dossier. Vérifiez le verrouillage des majuscules et la disposition du clavier, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Weak: easy to guess. Several unrelated words are better.</source>
        <translation>Faible : facile à deviner. Plusieurs mots sans rapport entre eux valent mieux.</translation>
    </message>
    <message>
        <source>Fair. One or two more words would make it strong.</source>
        <translation>Moyenne. Un ou deux mots de plus la rendraient solide.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
</context>
</TS>
