<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>FacePickerDialog</name>
    <message>
        <source>Which one is you?</source>
        <translation>Lequel est vous ?</translation>
    </message>
    <message numerus="yes">
        <source>%1 shows %n people. Pick your face: only that part of the photo is kept, the others are not stored.</source>
        <translation>
            <numerusform>%1 montre %n personne. Choisissez votre visage : seule cette partie de la photo est conservée, les autres ne sont pas enregistrées.</numerusform>
            <numerusform>%1 montre %n personnes. Choisissez votre visage : seule cette partie de la photo est conservée, les autres ne sont pas enregistrées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Faces in the photo</source>
        <translation>Visages de la photo</translation>
    </message>
    <message>
        <source>Face %1</source>
        <translation>Visage %1</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>C’est moi</translation>
    </message>
</context>
<context>
    <name>MeScreen</name>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>&amp;Add photos...</source>
        <translation>&amp;Ajouter des photos…</translation>
    </message>
    <message>
        <source>Add photos of yourself</source>
        <translation>Ajouter des photos de vous</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected photo from the case</source>
        <translation>Retirer du dossier la photo sélectionnée</translation>
    </message>
    <message>
        <source>Your reference photos</source>
        <translation>Vos photos de référence</translation>
    </message>
    <message>
        <source>Photos that were not added</source>
        <translation>Photos qui n’ont pas été ajoutées</translation>
    </message>
    <message>
        <source>Add two to five clear photos of yourself, alone, from different years — with and without glasses if you wear them. You can also drop photo files on the list. They stay encrypted in the case and never leave this computer.</source>
        <translation>Ajoutez deux à cinq photos nettes de vous, seul·e, prises à des années différentes — avec et sans lunettes si vous en portez. Vous pouvez aussi déposer des fichiers photo sur la liste. Elles restent chiffrées dans le dossier et ne quittent jamais cet ordinateur.</translation>
    </message>
    <message numerus="yes">
        <source>%n reference photo(s) in this case.</source>
        <translation>
            <numerusform>%n photo de référence dans ce dossier.</numerusform>
            <numerusform>%n photos de référence dans ce dossier.</numerusform>
        </translation>
    </message>
    <message>
        <source>No reference photo yet: add at least one to scan.</source>
        <translation>Aucune photo de référence pour l’instant : ajoutez-en au moins une pour lancer une analyse.</translation>
    </message>
    <message>
        <source>Photos of yourself</source>
        <translation>Photos de vous</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Photos (%1)</translation>
    </message>
    <message>
        <source>Looking at %1... (the face models may take a moment to load)</source>
        <translation>Examen de %1… (les modèles de visage peuvent mettre un moment à se charger)</translation>
    </message>
    <message>
        <source>No face was found in it.</source>
        <translation>Aucun visage n’y a été trouvé.</translation>
    </message>
    <message>
        <source>Use a photo where your face is clearly visible, looking at the camera.</source>
        <translation>Utilisez une photo où votre visage est bien visible, face à l’objectif.</translation>
    </message>
    <message>
        <source>Your face is too small in it to be a reliable reference.</source>
        <translation>Votre visage y est trop petit pour servir de référence fiable.</translation>
    </message>
    <message>
        <source>Use a closer photo, or crop it around your face.</source>
        <translation>Utilisez une photo plus rapprochée, ou recadrez-la autour de votre visage.</translation>
    </message>
    <message>
        <source>The face is hard to make out: turned away, covered or badly lit.</source>
        <translation>Le visage est difficile à distinguer : de profil, masqué ou mal éclairé.</translation>
    </message>
    <message>
        <source>Use a photo where your face is frontal, uncovered and well lit.</source>
        <translation>Utilisez une photo où votre visage est de face, découvert et bien éclairé.</translation>
    </message>
    <message>
        <source>The face is blurred.</source>
        <translation>Le visage est flou.</translation>
    </message>
    <message>
        <source>Use a sharper photo.</source>
        <translation>Utilisez une photo plus nette.</translation>
    </message>
    <message>
        <source>The file cannot be read as a photo.</source>
        <translation>Le fichier ne peut pas être lu comme une photo.</translation>
    </message>
    <message>
        <source>The face in it does not look like you in your other reference photos (similarity %1; photos of the same person score %2 or more). It may be someone else: a stranger&apos;s photo as a reference would make their photos count as yours.</source>
        <translation>Le visage ne vous ressemble pas sur vos autres photos de référence (similarité %1 ; les photos d’une même personne obtiennent %2 ou plus). Il s’agit peut-être de quelqu’un d’autre : la photo d’un inconnu comme référence ferait compter ses photos comme les vôtres.</translation>
    </message>
    <message>
        <source>Check that the photo shows you. If it does (a much older photo, a big change of look), you can add it anyway.</source>
        <translation>Vérifiez que la photo vous montre bien. Si c’est le cas (une photo bien plus ancienne, un grand changement d’apparence), vous pouvez l’ajouter quand même.</translation>
    </message>
    <message>
        <source>%1 was not added. %2 %3</source>
        <translation>%1 n’a pas été ajoutée. %2 %3</translation>
    </message>
    <message>
        <source>Add %1 anyway...</source>
        <translation>Ajouter %1 quand même…</translation>
    </message>
    <message>
        <source>Add %1 as a reference photo even though it does not look like your other photos?

If it is not you, that person&apos;s photos will be counted as yours: they will be shown as strong matches and could end up in your letters. Add it only if you are sure it is you.</source>
        <translation>Ajouter %1 comme photo de référence alors qu’elle ne ressemble pas à vos autres photos ?

Si ce n’est pas vous, les photos de cette personne compteront comme les vôtres : elles apparaîtront comme de fortes ressemblances et pourraient se retrouver dans vos lettres. Ne l’ajoutez que si vous avez la certitude que c’est vous.</translation>
    </message>
    <message>
        <source>Add this photo anyway?</source>
        <translation>Ajouter quand même cette photo ?</translation>
    </message>
    <message>
        <source>Remove the photo %1 from the case? Its encrypted copy and face data are deleted; scans will no longer use it.</source>
        <translation>Retirer la photo %1 du dossier ? Sa copie chiffrée et ses données de visage sont supprimées ; les analyses ne l’utiliseront plus.</translation>
    </message>
    <message>
        <source>Remove the photo?</source>
        <translation>Retirer la photo ?</translation>
    </message>
</context>
<context>
    <name>ReferencesModel</name>
    <message>
        <source>good</source>
        <translation>bonne</translation>
    </message>
    <message>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>Face size: %1 px (%2)</source>
        <translation>Taille du visage : %1 px (%2)</translation>
    </message>
    <message>
        <source>Sharpness: %1</source>
        <translation>Netteté : %1</translation>
    </message>
    <message>
        <source>Face clearly visible: %1 (%2)</source>
        <translation>Visage bien visible : %1 (%2)</translation>
    </message>
</context>
</TS>
