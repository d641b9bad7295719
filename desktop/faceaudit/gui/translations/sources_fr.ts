<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>SourceSettingsEditor</name>
    <message>
        <source>this page only</source>
        <translation>cette page seulement</translation>
    </message>
    <message>
        <source> link level(s)</source>
        <translation> niveau(x) de liens</translation>
    </message>
    <message>
        <source>Crawl depth</source>
        <translation>Profondeur d’exploration</translation>
    </message>
    <message>
        <source>0 reads only the listed page; 1 also reads the pages it links to on its site</source>
        <translation>0 ne lit que la page indiquée ; 1 lit aussi les pages vers lesquelles elle renvoie sur le même site</translation>
    </message>
    <message>
        <source>no limit of its own</source>
        <translation>pas de limite propre</translation>
    </message>
    <message>
        <source>Most pages per scan</source>
        <translation>Nombre maximal de pages par analyse</translation>
    </message>
    <message>
        <source>Also read the site&apos;s sitemap</source>
        <translation>Lire aussi le plan du site (sitemap)</translation>
    </message>
    <message>
        <source>Reads /sitemap.xml and the sitemaps robots.txt names, within the same site</source>
        <translation>Lit /sitemap.xml et les plans de site cités par robots.txt, sur le même site</translation>
    </message>
    <message>
        <source>Also loads each page of this source in a browser of FaceAudit&apos;s own (Chromium, in a process of its own, kept off your computer and your local network), scrolls it to the end and examines the images it shows, such as those that scripts insert. Slower: each page can take up to %1 s (its deadline) and the browser needs several hundred MB of memory.</source>
        <translation>Charge aussi chaque page de cette source dans le navigateur propre à FaceAudit (Chromium, dans un processus à part, tenu à l’écart de votre ordinateur et de votre réseau local), la fait défiler jusqu’au bout et examine les images qu’elle affiche, comme celles qu’ajoutent des scripts. Plus lent : chaque page peut prendre jusqu’à %1 s (son délai) et le navigateur occupe plusieurs centaines de Mo de mémoire.</translation>
    </message>
    <message>
        <source>FaceAudit&apos;s browser (QtWebEngine) is not installed.</source>
        <translation>Le navigateur de FaceAudit (QtWebEngine) n’est pas installé.</translation>
    </message>
    <message>
        <source>Follow links:</source>
        <translation>Suivre les liens :</translation>
    </message>
    <message>
        <source>Render this page in a browser
(for pages built by scripts)</source>
        <translation>Afficher cette page dans un navigateur
(pour les pages construites par des scripts)</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Au plus :</translation>
    </message>
    <message>
        <source> pages</source>
        <translation> pages</translation>
    </message>
</context>
<context>
    <name>SourceWords</name>
    <message>
        <source>Not scanned yet</source>
        <translation>Pas encore analysée</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignorée : %1</translation>
    </message>
    <message numerus="yes">
        <source>Read (%n page(s)), no image on it</source>
        <translation>
            <numerusform>Lue (%n page), aucune image</numerusform>
            <numerusform>Lue (%n pages), aucune image</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), no face</source>
        <translation>
            <numerusform>%n image, aucun visage</numerusform>
            <numerusform>%n images, aucun visage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s), none of them you</source>
        <translation>
            <numerusform>%n visage, ce n’est pas vous</numerusform>
            <numerusform>%n visages, aucun n’est le vôtre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You appear: %n face(s) to review</source>
        <translation>
            <numerusform>Vous apparaissez : %n visage à vérifier</numerusform>
            <numerusform>Vous apparaissez : %n visages à vérifier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n address(es) not read: see the scan&apos;s problems)</source>
        <translation>
            <numerusform> (%n adresse non lue : voir les problèmes de l’analyse)</numerusform>
            <numerusform> (%n adresses non lues : voir les problèmes de l’analyse)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting to be scanned</source>
        <translation>En attente d’analyse</translation>
    </message>
    <message numerus="yes">
        <source>Scanning: %n image(s) so far</source>
        <translation>
            <numerusform>Analyse en cours : %n image jusqu’ici</numerusform>
            <numerusform>Analyse en cours : %n images jusqu’ici</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanned before the scan was stopped</source>
        <translation>Analysée avant l’arrêt de l’analyse</translation>
    </message>
    <message>
        <source>This page only</source>
        <translation>Cette page seulement</translation>
    </message>
    <message numerus="yes">
        <source>Links %n level(s) deep</source>
        <translation>
            <numerusform>Liens sur %n niveau</numerusform>
            <numerusform>Liens sur %n niveaux</numerusform>
        </translation>
    </message>
    <message>
        <source>at most %1 pages</source>
        <translation>au plus %1 pages</translation>
    </message>
    <message>
        <source>sitemap</source>
        <translation>plan du site</translation>
    </message>
    <message>
        <source>rendered in a browser</source>
        <translation>affichée dans un navigateur</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>Dernière analyse</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Vérifiée le</translation>
    </message>
    <message>
        <source>How far</source>
        <translation>Étendue</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Where to look</source>
        <translation>Où chercher</translation>
    </message>
    <message>
        <source>List the pages where your photo might be (your employer&apos;s team page, a club, a school, a news article), image or video addresses, or folders and ZIP archives on this computer. FaceAudit contacts only these sites.</source>
        <translation>Indiquez les pages où votre photo pourrait se trouver (la page équipe de votre employeur, un club, une école, un article de presse), des adresses d’images ou de vidéos, ou des dossiers et archives ZIP de cet ordinateur. FaceAudit ne contacte que ces sites.</translation>
    </message>
    <message>
        <source>Add sources</source>
        <translation>Ajouter des sources</translation>
    </message>
    <message>
        <source>Paste addresses here, one per line, e.g.
https://example.org/team</source>
        <translation>Collez les adresses ici, une par ligne, par exemple
https://example.org/equipe</translation>
    </message>
    <message>
        <source>Addresses to add, one per line</source>
        <translation>Adresses à ajouter, une par ligne</translation>
    </message>
    <message>
        <source>&amp;Add these</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add the pasted addresses</source>
        <translation>Ajouter les adresses collées</translation>
    </message>
    <message>
        <source>&amp;Import a list...</source>
        <translation>&amp;Importer une liste…</translation>
    </message>
    <message>
        <source>Add the addresses of a .txt or .csv file (one per line)</source>
        <translation>Ajouter les adresses d’un fichier .txt ou .csv (une par ligne)</translation>
    </message>
    <message>
        <source>Add a &amp;folder...</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>Look at the photos and videos in a folder</source>
        <translation>Examiner les photos et vidéos d’un dossier</translation>
    </message>
    <message>
        <source>Add a &amp;ZIP archive...</source>
        <translation>Ajouter une archive &amp;ZIP…</translation>
    </message>
    <message>
        <source>Look at the photos in a ZIP archive, e.g. a social network&apos;s data export</source>
        <translation>Examiner les photos d’une archive ZIP, par exemple l’export de vos données d’un réseau social</translation>
    </message>
    <message>
        <source>How far to look on new sources</source>
        <translation>Jusqu’où chercher sur les nouvelles sources</translation>
    </message>
    <message>
        <source>What was added, and the lines that were not</source>
        <translation>Ce qui a été ajouté, et les lignes qui ne l’ont pas été</translation>
    </message>
    <message>
        <source>Add them with https://</source>
        <translation>Les ajouter avec https://</translation>
    </message>
    <message>
        <source>New sources:</source>
        <translation>Nouvelles sources :</translation>
    </message>
    <message>
        <source>The case&apos;s sources and what the last scan found</source>
        <translation>Les sources du dossier et ce que la dernière analyse y a trouvé</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Scan the selected source again</source>
        <translation>Analyser de nouveau la source choisie</translation>
    </message>
    <message>
        <source>Re&amp;move...</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <source>Remove the selected sources</source>
        <translation>Retirer les sources choisies</translation>
    </message>
    <message>
        <source>How far to look on the selected source</source>
        <translation>Jusqu’où chercher sur la source choisie</translation>
    </message>
    <message>
        <source>&amp;Save for this source</source>
        <translation>&amp;Enregistrer pour cette source</translation>
    </message>
    <message>
        <source>Sources: messages</source>
        <translation>Sources : messages</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Paste one or more addresses first.</source>
        <translation>Collez d’abord une ou plusieurs adresses.</translation>
    </message>
    <message>
        <source>Import a list of addresses</source>
        <translation>Importer une liste d’adresses</translation>
    </message>
    <message>
        <source>Add a folder of photos</source>
        <translation>Ajouter un dossier de photos</translation>
    </message>
    <message>
        <source>Add ZIP archives</source>
        <translation>Ajouter des archives ZIP</translation>
    </message>
    <message numerus="yes">
        <source>Added %n source(s).</source>
        <translation>
            <numerusform>%n source ajoutée.</numerusform>
            <numerusform>%n sources ajoutées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already listed.</source>
        <translation>
            <numerusform>%n figurait déjà dans la liste.</numerusform>
            <numerusform>%n figuraient déjà dans la liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated line(s) ignored.</source>
        <translation>
            <numerusform>%n ligne en double ignorée.</numerusform>
            <numerusform>%n lignes en double ignorées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not added:</source>
        <translation>
            <numerusform>%n ligne non ajoutée :</numerusform>
            <numerusform>%n lignes non ajoutées :</numerusform>
        </translation>
    </message>
    <message>
        <source>A scan is running; retry this source when it has finished.</source>
        <translation>Une analyse est en cours ; réessayez cette source quand elle sera terminée.</translation>
    </message>
    <message>
        <source>Scanning this source again...</source>
        <translation>Nouvelle analyse de cette source…</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n source(s) from the case? What the scans found there stays in the case; later scans no longer read them, so those findings show as not checked.</source>
        <translation>
            <numerusform>Retirer %n source du dossier ? Ce que les analyses y ont trouvé reste dans le dossier ; les analyses suivantes ne la liront plus, ces résultats apparaîtront donc comme non vérifiés.</numerusform>
            <numerusform>Retirer %n sources du dossier ? Ce que les analyses y ont trouvé reste dans le dossier ; les analyses suivantes ne les liront plus, ces résultats apparaîtront donc comme non vérifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove sources</source>
        <translation>Retirer des sources</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n source(s).</source>
        <translation>
            <numerusform>%n source retirée.</numerusform>
            <numerusform>%n sources retirées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: the next scans of this source use it.</source>
        <translation>Enregistré : les prochaines analyses de cette source l’utiliseront.</translation>
    </message>
    <message>
        <source>The source was scanned again.</source>
        <translation>La source a été analysée de nouveau.</translation>
    </message>
    <message>
        <source>%1, line %2:</source>
        <translation>%1, ligne %2 :</translation>
    </message>
    <message>
        <source>Line %2:</source>
        <translation>Ligne %2 :</translation>
    </message>
    <message>
        <source>“%1” has no https:// in front. Did you mean %2?</source>
        <translation>« %1 » ne commence pas par https://. Vouliez-vous dire %2 ?</translation>
    </message>
</context>
</TS>
