<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>FindingDelegate</name>
    <message>
        <source>Strong match</source>
        <translation>Forte ressemblance</translation>
    </message>
    <message>
        <source>Possible match</source>
        <translation>Ressemblance possible</translation>
    </message>
    <message>
        <source>similarity {value}</source>
        <translation>similarité {value}</translation>
    </message>
    <message>
        <source>could be a look-alike</source>
        <translation>peut-être un sosie</translation>
    </message>
    <message>
        <source>✓ That&apos;s me</source>
        <translation>✓ C&apos;est moi</translation>
    </message>
    <message>
        <source>✗ Not me</source>
        <translation>✗ Pas moi</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <source>Your own files</source>
        <translation>Vos propres fichiers</translation>
    </message>
    <message numerus="yes">
        <source>{site} — %n finding(s)</source>
        <translation>
            <numerusform>{site} — %n résultat</numerusform>
            <numerusform>{site} — %n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Pas d&apos;image</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>FindingsScreen</name>
    <message>
        <source>Findings</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Faces found, grouped by site</source>
        <translation>Visages trouvés, regroupés par site</translation>
    </message>
    <message>
        <source>New since the last scan</source>
        <translation>Nouveaux depuis la dernière analyse</translation>
    </message>
    <message>
        <source>Match strength</source>
        <translation>Force de la ressemblance</translation>
    </message>
    <message>
        <source>Any match</source>
        <translation>Toute ressemblance</translation>
    </message>
    <message>
        <source>Strong matches</source>
        <translation>Fortes ressemblances</translation>
    </message>
    <message>
        <source>Possible matches</source>
        <translation>Ressemblances possibles</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>All but “not me”</source>
        <translation>Tout sauf « pas moi »</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Pas encore vérifiés</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Vérifiés</translation>
    </message>
    <message>
        <source>That&apos;s me</source>
        <translation>C&apos;est moi</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>Pas moi</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Every site</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Full image</source>
        <translation>Image entière</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Show this face</source>
        <translation>Montrer ce visage</translation>
    </message>
    <message>
        <source>Show every face</source>
        <translation>Montrer tous les visages</translation>
    </message>
    <message>
        <source>Where you appear</source>
        <translation>Où vous apparaissez</translation>
    </message>
    <message>
        <source>Confirmed appearances per site (solid bar); the outline is what is still to review. Click a site to see its faces.</source>
        <translation>Apparitions confirmées par site (barre pleine) ; le contour indique ce qui reste à vérifier. Cliquez sur un site pour voir ses visages.</translation>
    </message>
    <message>
        <source>Write to a site…</source>
        <translation>Écrire à un site…</translation>
    </message>
    <message>
        <source>Draft a letter asking a site to delete or show what it holds</source>
        <translation>Rédiger une lettre demandant à un site de supprimer ou de montrer ce qu’il détient</translation>
    </message>
    <message>
        <source>Faces that look like yours, on the pages you listed. Faces are blurred until you point at one or press R. Press Y if it is you, N if it is not, Space to see the whole picture and where it was found.</source>
        <translation>Des visages qui ressemblent au vôtre, sur les pages que vous avez indiquées. Les visages restent flous tant que vous ne pointez pas dessus ou n’appuyez pas sur R. Appuyez sur Y si c’est vous, sur N sinon, sur Espace pour voir l’image entière et l’endroit où elle a été trouvée.</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) shown</source>
        <translation>
            <numerusform>%n visage affiché</numerusform>
            <numerusform>%n visages affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n à vérifier</numerusform>
            <numerusform>%n à vérifier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed</source>
        <translation>
            <numerusform>%n confirmé</numerusform>
            <numerusform>%n confirmés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked as you. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>%n visage marqué comme étant vous. Ctrl+Z annule.</numerusform>
            <numerusform>%n visages marqués comme étant vous. Ctrl+Z annule.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked as not you: not offered again, and the copy of the image is dropped when no other face in it is yours. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>%n visage marqué comme n’étant pas vous : il ne sera plus proposé, et la copie de l’image est supprimée si aucun autre visage n’y est le vôtre. Ctrl+Z annule.</numerusform>
            <numerusform>%n visages marqués comme n’étant pas vous : ils ne seront plus proposés, et la copie de l’image est supprimée si aucun autre visage n’y est le vôtre. Ctrl+Z annule.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n decision(s).</source>
        <translation>
            <numerusform>Annulé : %n décision.</numerusform>
            <numerusform>Annulé : %n décisions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FoundBy</name>
    <message>
        <source>an image on the page</source>
        <translation>une image de la page</translation>
    </message>
    <message>
        <source>a responsive image on the page (srcset)</source>
        <translation>une image adaptative de la page (srcset)</translation>
    </message>
    <message>
        <source>a responsive image on the page (picture)</source>
        <translation>une image adaptative de la page (picture)</translation>
    </message>
    <message>
        <source>an image the page loads later (lazy loading)</source>
        <translation>une image que la page charge plus tard (chargement différé)</translation>
    </message>
    <message>
        <source>the picture the page shows when shared (og:image)</source>
        <translation>l’image affichée quand la page est partagée (og:image)</translation>
    </message>
    <message>
        <source>the picture the page shows when shared (twitter:image)</source>
        <translation>l’image affichée quand la page est partagée (twitter:image)</translation>
    </message>
    <message>
        <source>an image linked from the page&apos;s head</source>
        <translation>une image liée dans l’en-tête de la page</translation>
    </message>
    <message>
        <source>a background picture of the page (CSS)</source>
        <translation>une image de fond de la page (CSS)</translation>
    </message>
    <message>
        <source>the still shown before a video plays (poster)</source>
        <translation>l’image affichée avant la lecture d’une vidéo (poster)</translation>
    </message>
    <message>
        <source>a link to the image</source>
        <translation>un lien vers l’image</translation>
    </message>
    <message>
        <source>an image for browsers without JavaScript</source>
        <translation>une image pour les navigateurs sans JavaScript</translation>
    </message>
    <message>
        <source>an image written inside the page</source>
        <translation>une image écrite dans la page</translation>
    </message>
    <message>
        <source>the image address you listed</source>
        <translation>l’adresse d’image que vous avez indiquée</translation>
    </message>
    <message>
        <source>a frame of a video</source>
        <translation>une image d’une vidéo</translation>
    </message>
    <message>
        <source>a file on this computer</source>
        <translation>un fichier de cet ordinateur</translation>
    </message>
    <message>
        <source>a file inside an archive</source>
        <translation>un fichier dans une archive</translation>
    </message>
</context>
<context>
    <name>ImageWithBoxes</name>
    <message>
        <source>The full image, with a box on every face</source>
        <translation>L’image entière, avec un cadre sur chaque visage</translation>
    </message>
    <message>
        <source>No copy of this image is kept in the case (its evidence setting), so only the face crop can be shown. The page may still show it: open the page.</source>
        <translation>Aucune copie de cette image n’est conservée dans le dossier (réglage des preuves) : seul le visage recadré peut être montré. La page l’affiche peut-être encore : ouvrez-la.</translation>
    </message>
    <message>
        <source>This face</source>
        <translation>Ce visage</translation>
    </message>
    <message>
        <source>Also found</source>
        <translation>Aussi trouvé</translation>
    </message>
    <message>
        <source>Other face</source>
        <translation>Autre visage</translation>
    </message>
</context>
<context>
    <name>SiteSummary</name>
    <message>
        <source>Confirmed appearances per site</source>
        <translation>Apparitions confirmées par site</translation>
    </message>
    <message>
        <source>Your own files</source>
        <translation>Vos propres fichiers</translation>
    </message>
    <message numerus="yes">
        <source>{site}: %n confirmed</source>
        <translation>
            <numerusform>{site} : %n confirmé</numerusform>
            <numerusform>{site} : %n confirmés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n to review</source>
        <translation>
            <numerusform>, %n à vérifier</numerusform>
            <numerusform>, %n à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found yet.</source>
        <translation>Rien de trouvé pour l’instant.</translation>
    </message>
</context>
<context>
    <name>ViewerDialog</name>
    <message>
        <source>Finding {number}</source>
        <translation>Résultat {number}</translation>
    </message>
    <message>
        <source>Thick blue box: this face. Dashed orange: another face found in the same image. Dotted white: a face that does not look like yours.</source>
        <translation>Cadre bleu épais : ce visage. Tirets orange : un autre visage trouvé dans la même image. Pointillés blancs : un visage qui ne ressemble pas au vôtre.</translation>
    </message>
    <message>
        <source>Open page in browser</source>
        <translation>Ouvrir la page dans le navigateur</translation>
    </message>
    <message>
        <source>That&apos;s me</source>
        <translation>C&apos;est moi</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>Pas moi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>No copy kept</source>
        <translation>Aucune copie conservée</translation>
    </message>
    <message>
        <source>A reduced copy (SHA-256 {sha})</source>
        <translation>Une copie réduite (SHA-256 {sha})</translation>
    </message>
    <message>
        <source>The image as it was fetched</source>
        <translation>L’image telle qu’elle a été téléchargée</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>(the image itself was listed)</source>
        <translation>(l’image elle-même a été indiquée)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>How it was found</source>
        <translation>Comment elle a été trouvée</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vue pour la première fois</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vue pour la dernière fois</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similarité</translation>
    </message>
    <message numerus="yes">
        <source>Seen on %n page(s)</source>
        <translation>
            <numerusform>Vue sur %n page</numerusform>
            <numerusform>Vue sur %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Image SHA-256</source>
        <translation>SHA-256 de l’image</translation>
    </message>
    <message>
        <source>Copy in the case</source>
        <translation>Copie dans le dossier</translation>
    </message>
</context>
</TS>
