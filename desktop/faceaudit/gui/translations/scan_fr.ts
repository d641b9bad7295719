<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CountsPanel</name>
    <message>
        <source>Pages read</source>
        <translation>Pages lues</translation>
    </message>
    <message>
        <source>Images analysed</source>
        <translation>Images analysées</translation>
    </message>
    <message>
        <source>Video frames</source>
        <translation>Images de vidéos</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Visages</translation>
    </message>
    <message>
        <source>Could be you</source>
        <translation>Peut-être vous</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>%1 images/s</source>
        <translation>%1 images/s</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>estimating...</source>
        <translation>estimation…</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
</context>
<context>
    <name>ScanRunner</name>
    <message>
        <source>There is no photo of you in this case yet, so there is nothing to compare faces with. Add one or two on the Me screen, then scan.</source>
        <translation>Ce dossier ne contient encore aucune photo de vous : il n’y a rien à quoi comparer les visages. Ajoutez-en une ou deux dans l’écran Moi, puis lancez l’analyse.</translation>
    </message>
    <message>
        <source>The face models are missing or damaged, so no face can be compared. Close and open FaceAudit again: its welcome screen downloads them.</source>
        <translation>Les modèles de visages sont absents ou endommagés : aucun visage ne peut être comparé. Fermez puis rouvrez FaceAudit : son écran d’accueil les télécharge.</translation>
    </message>
    <message>
        <source>This case lists no source to scan yet. Add the pages to look at on the Sources screen, then scan.</source>
        <translation>Ce dossier ne contient encore aucune source à analyser. Ajoutez les pages à examiner dans l’écran Sources, puis lancez l’analyse.</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Scan</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>&amp;Start scan</source>
        <translation>&amp;Lancer l’analyse</translation>
    </message>
    <message>
        <source>Look for your face on every source</source>
        <translation>Chercher votre visage sur toutes les sources</translation>
    </message>
    <message>
        <source>&amp;Continue the stopped scan</source>
        <translation>&amp;Continuer l’analyse interrompue</translation>
    </message>
    <message>
        <source>Scan only what the stopped scan had not reached yet</source>
        <translation>N’analyser que ce que l’analyse interrompue n’avait pas encore atteint</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause or resume the scan</source>
        <translation>Mettre l’analyse en pause ou la reprendre</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stop the scan; what was analysed is kept</source>
        <translation>Arrêter l’analyse ; ce qui a été analysé est conservé</translation>
    </message>
    <message>
        <source>Scan: messages</source>
        <translation>Analyse : messages</translation>
    </message>
    <message>
        <source>Sources scanned</source>
        <translation>Sources analysées</translation>
    </message>
    <message>
        <source>%v of %m sources</source>
        <translation>%v sur %m sources</translation>
    </message>
    <message>
        <source>Each source during the scan</source>
        <translation>Chaque source pendant l’analyse</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>What the scan found</source>
        <translation>Ce que l’analyse a trouvé</translation>
    </message>
    <message>
        <source>&amp;Review the findings</source>
        <translation>&amp;Examiner les résultats</translation>
    </message>
    <message>
        <source>Open the Findings screen</source>
        <translation>Ouvrir l’écran Résultats</translation>
    </message>
    <message>
        <source>Addresses that could not be read</source>
        <translation>Adresses qui n’ont pas pu être lues</translation>
    </message>
    <message>
        <source>Look for your face</source>
        <translation>Chercher votre visage</translation>
    </message>
    <message>
        <source>FaceAudit reads the sources you listed, finds the faces in every photo and video, and compares them with your photos, all on this computer. Only the listed sites are contacted.</source>
        <translation>FaceAudit lit les sources que vous avez indiquées, repère les visages sur chaque photo et vidéo et les compare à vos photos, entièrement sur cet ordinateur. Seuls les sites indiqués sont contactés.</translation>
    </message>
    <message>
        <source>The last scan was stopped before it finished. Continue it, or start a new scan of every source.</source>
        <translation>La dernière analyse a été interrompue avant la fin. Continuez-la, ou lancez une nouvelle analyse de toutes les sources.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>A scan is already running.</source>
        <translation>Une analyse est déjà en cours.</translation>
    </message>
    <message>
        <source>Stopping after the images being analysed... What was analysed is kept.</source>
        <translation>Arrêt après les images en cours d’analyse… Ce qui a été analysé est conservé.</translation>
    </message>
    <message>
        <source>Starting: loading the face models and reading the first pages...</source>
        <translation>Démarrage : chargement des modèles de visages et lecture des premières pages…</translation>
    </message>
    <message>
        <source>Scanning the source chosen on the Sources screen again...</source>
        <translation>Nouvelle analyse de la source choisie dans l’écran Sources…</translation>
    </message>
    <message>
        <source>Paused. The images already being analysed are finished; nothing more is analysed, and downloads stop once a few images are waiting. Resume goes on from here.</source>
        <translation>En pause. Les images déjà en cours d’analyse sont terminées ; plus rien n’est analysé, et les téléchargements s’arrêtent dès que quelques images sont en attente. Reprendre continue à partir d’ici.</translation>
    </message>
    <message>
        <source>Scanning...</source>
        <translation>Analyse en cours…</translation>
    </message>
</context>
<context>
    <name>ScanSourcesModel</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Visages</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
</context>
<context>
    <name>ScanWords</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Scan stopped after %1.</source>
        <translation>Analyse arrêtée après %1.</translation>
    </message>
    <message>
        <source>Scan finished in %1.</source>
        <translation>Analyse terminée en %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) read</source>
        <translation>
            <numerusform>%n page lue</numerusform>
            <numerusform>%n pages lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) analysed</source>
        <translation>
            <numerusform>%n image analysée</numerusform>
            <numerusform>%n images analysées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) seen.</source>
        <translation>
            <numerusform>%n visage vu.</numerusform>
            <numerusform>%n visages vus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your face may appear in %n place(s): review them.</source>
        <translation>
            <numerusform>Votre visage apparaît peut-être à %n endroit : vérifiez-le.</numerusform>
            <numerusform>Votre visage apparaît peut-être à %n endroits : vérifiez-les.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your face was not found on the sources scanned.</source>
        <translation>Votre visage n’a pas été trouvé sur les sources analysées.</translation>
    </message>
    <message>
        <source>Since the previous scan: %1 new, %2 gone, %3 not checked this time.</source>
        <translation>Depuis l’analyse précédente : %1 nouveaux, %2 disparus, %3 non vérifiés cette fois.</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) could not be read (listed below).</source>
        <translation>
            <numerusform>%n adresse n’a pas pu être lue (voir ci-dessous).</numerusform>
            <numerusform>%n adresses n’ont pas pu être lues (voir ci-dessous).</numerusform>
        </translation>
    </message>
    <message>
        <source>What was analysed is kept; Continue picks up where it stopped.</source>
        <translation>Ce qui a été analysé est conservé ; Continuer reprend là où l’analyse s’est arrêtée.</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
</context>
</TS>
