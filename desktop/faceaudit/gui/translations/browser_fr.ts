<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BrowserPane</name>
    <message>
        <source>The page</source>
        <translation>La page</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is your own browsing&lt;/b&gt;, as in any browser: the sites you open here see your visit (and your login, if you log in). FaceAudit itself contacts only the sources you listed. Pages here cannot reach your own network (your router, this computer&apos;s services).</source>
        <translation>&lt;b&gt;Vous naviguez vous-même&lt;/b&gt;, comme dans tout navigateur : les sites ouverts ici voient votre visite (et votre connexion, si vous vous connectez). FaceAudit lui-même ne contacte que les sources de votre liste. Les pages ouvertes ici ne peuvent pas atteindre votre propre réseau (votre box, les services de cet ordinateur).</translation>
    </message>
    <message>
        <source>About this browser</source>
        <translation>À propos de ce navigateur</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir à la page précédente</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Aller à la page suivante</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Load the page again</source>
        <translation>Charger la page de nouveau</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop loading the page</source>
        <translation>Arrêter le chargement de la page</translation>
    </message>
    <message>
        <source>Type an address, e.g. example.org/team</source>
        <translation>Tapez une adresse, par ex. example.org/equipe</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>The page&apos;s address</source>
        <translation>L&apos;adresse de la page</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Aller</translation>
    </message>
    <message>
        <source>Open the address</source>
        <translation>Ouvrir l&apos;adresse</translation>
    </message>
    <message>
        <source>Stay logged in on this computer</source>
        <translation>Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <source>Keep the sites&apos; logins of this case in its folder (deleted with the case). Off: nothing is kept once the case is closed.</source>
        <translation>Garder les connexions aux sites de ce dossier dans son répertoire (supprimées avec le dossier). Désactivé : rien n&apos;est gardé une fois le dossier fermé.</translation>
    </message>
    <message>
        <source>Forget logins for this case</source>
        <translation>Oublier les connexions de ce dossier</translation>
    </message>
    <message>
        <source>Delete this case&apos;s cookies and site data, and browse off the record again</source>
        <translation>Supprimer les cookies et données de sites de ce dossier, et naviguer de nouveau sans rien garder</translation>
    </message>
    <message>
        <source>&amp;Scan this page</source>
        <translation>&amp;Analyser cette page</translation>
    </message>
    <message>
        <source>Look for your face in the images this page shows, and keep a capture of it</source>
        <translation>Chercher votre visage dans les images que montre cette page, et en garder une capture</translation>
    </message>
    <message>
        <source>Progress of the page&apos;s scan</source>
        <translation>Avancement de l&apos;analyse de la page</translation>
    </message>
    <message>
        <source>What the browser is doing</source>
        <translation>Ce que fait le navigateur</translation>
    </message>
    <message>
        <source>FaceAudit&apos;s browser opens only web pages (http:// and https://), not “%1:” addresses: a page here must not open files or other programs.</source>
        <translation>Le navigateur de FaceAudit n&apos;ouvre que des pages web (http:// et https://), pas les adresses « %1: » : une page ouverte ici ne doit pas ouvrir de fichiers ni d&apos;autres programmes.</translation>
    </message>
    <message>
        <source>Type the address of a page first.</source>
        <translation>Tapez d&apos;abord l&apos;adresse d&apos;une page.</translation>
    </message>
    <message>
        <source>This is not a web address. Type it as in any browser, e.g. example.org/team.</source>
        <translation>Ce n&apos;est pas une adresse web. Tapez-la comme dans tout navigateur, par ex. example.org/equipe.</translation>
    </message>
    <message>
        <source>The page tried to download a file; FaceAudit&apos;s browser refuses downloads.</source>
        <translation>La page a tenté de télécharger un fichier ; le navigateur de FaceAudit refuse les téléchargements.</translation>
    </message>
    <message>
        <source>Logins of this case are now kept in its folder on this computer, until you forget them or delete the case.</source>
        <translation>Les connexions de ce dossier sont désormais gardées dans son répertoire sur cet ordinateur, jusqu&apos;à ce que vous les oubliiez ou supprimiez le dossier.</translation>
    </message>
    <message>
        <source>This case&apos;s logins and site data were deleted.</source>
        <translation>Les connexions et données de sites de ce dossier ont été supprimées.</translation>
    </message>
    <message>
        <source>A scan of this case is running; scan the page once it is done.</source>
        <translation>Une analyse de ce dossier est en cours ; analysez la page une fois qu&apos;elle est finie.</translation>
    </message>
    <message>
        <source>Looking at the page: scrolling to its end so every image loads…</source>
        <translation>Lecture de la page : défilement jusqu&apos;à la fin pour que toutes les images se chargent…</translation>
    </message>
    <message>
        <source>Keeping a capture of the page (PDF and screenshot)…</source>
        <translation>Capture de la page (PDF et capture d&apos;écran)…</translation>
    </message>
    <message>
        <source>The page could not be printed to PDF, so nothing was scanned.</source>
        <translation>La page n&apos;a pas pu être imprimée en PDF : rien n&apos;a été analysé.</translation>
    </message>
    <message>
        <source>The page&apos;s screenshot could not be taken, so nothing was scanned.</source>
        <translation>La capture d&apos;écran de la page n&apos;a pas pu être prise : rien n&apos;a été analysé.</translation>
    </message>
    <message>
        <source>Comparing the faces in the page&apos;s images with yours…</source>
        <translation>Comparaison des visages des images de la page avec le vôtre…</translation>
    </message>
    <message>
        <source>The capture was kept, but a scan of this case is running: scan the page again once it is done.</source>
        <translation>La capture est gardée, mais une analyse de ce dossier est en cours : analysez de nouveau la page une fois qu&apos;elle est finie.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) shown</source>
        <translation>
            <numerusform>%n image montrée</numerusform>
            <numerusform>%n images montrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n visage</numerusform>
            <numerusform>%n visages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n that could be you</source>
        <translation>
            <numerusform>%n qui pourrait être vous</numerusform>
            <numerusform>%n qui pourraient être vous</numerusform>
        </translation>
    </message>
    <message>
        <source> — see Findings.</source>
        <translation> — voir Résultats.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be fetched by FaceAudit: they may load only with your login, which FaceAudit&apos;s own requests never carry. The capture shows them.</source>
        <translation>
            <numerusform>%n image n&apos;a pas pu être récupérée par FaceAudit : elle ne se charge peut-être qu&apos;avec votre connexion, que les requêtes de FaceAudit ne transmettent jamais. La capture la montre.</numerusform>
            <numerusform>%n images n&apos;ont pas pu être récupérées par FaceAudit : elles ne se chargent peut-être qu&apos;avec votre connexion, que les requêtes de FaceAudit ne transmettent jamais. La capture les montre.</numerusform>
        </translation>
    </message>
    <message>
        <source>The page was still loading when it was scanned: later images may be missing.</source>
        <translation>La page se chargeait encore lors de l&apos;analyse : des images arrivées ensuite peuvent manquer.</translation>
    </message>
    <message>
        <source>The page is longer than a screenshot can hold: the capture keeps its top part only (the PDF has all of it), and every image it showed was examined.</source>
        <translation>La page est plus longue que ce qu&apos;une capture d&apos;écran peut contenir : la capture n&apos;en garde que le haut (le PDF la contient en entier), et toutes les images qu&apos;elle montrait ont été examinées.</translation>
    </message>
    <message>
        <source>The page tried to reach your own network (%1); the browser refused.</source>
        <translation>La page a tenté d&apos;atteindre votre propre réseau (%1) ; le navigateur a refusé.</translation>
    </message>
</context>
<context>
    <name>BrowserScreen</name>
    <message>
        <source>Browser</source>
        <translation>Navigateur</translation>
    </message>
    <message>
        <source>Browse and scan a page</source>
        <translation>Naviguer et analyser une page</translation>
    </message>
    <message>
        <source>Why the browser is not available</source>
        <translation>Pourquoi le navigateur n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>The in-app browser needs the PySide6 add-ons (they hold QtWebEngine), which are not installed. Run “bash installer/setup.sh” again, or “.venv/bin/pip install -e &apos;.[browser]&apos;”, then start FaceAudit again. Everything else works without them.</source>
        <translation>Le navigateur intégré a besoin des modules complémentaires de PySide6 (ils contiennent QtWebEngine), qui ne sont pas installés. Relancez « bash installer/setup.sh », ou « .venv/bin/pip install -e &apos;.[browser]&apos; », puis redémarrez FaceAudit. Tout le reste fonctionne sans eux.</translation>
    </message>
</context>
</TS>
