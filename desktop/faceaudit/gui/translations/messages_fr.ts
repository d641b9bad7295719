<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorWords</name>
    <message>
        <source>The passphrase does not unlock this case.</source>
        <translation>Cette phrase secrète n&apos;ouvre pas ce dossier.</translation>
    </message>
    <message>
        <source>Check the passphrase (it is case-sensitive), Caps Lock and the keyboard layout, then try again. FaceAudit cannot recover a forgotten passphrase.</source>
        <translation>Vérifiez la phrase secrète (majuscules et minuscules comptent), le verrouillage des majuscules et la disposition du clavier, puis réessayez. FaceAudit ne peut pas retrouver une phrase secrète oubliée.</translation>
    </message>
    <message>
        <source>The passphrase does not unlock this case: it is neither the case&apos;s own passphrase nor the clinic passphrase.</source>
        <translation>Cette phrase secrète n&apos;ouvre pas ce dossier : ce n&apos;est ni la phrase secrète propre au dossier, ni celle de la clinique.</translation>
    </message>
    <message>
        <source>Either one opens it. Check the passphrase (it is case-sensitive) and try again.</source>
        <translation>L&apos;une ou l&apos;autre l&apos;ouvre. Vérifiez la phrase secrète (majuscules et minuscules comptent) et réessayez.</translation>
    </message>
    <message>
        <source>That is not the clinic passphrase.</source>
        <translation>Ce n&apos;est pas la phrase secrète de la clinique.</translation>
    </message>
    <message>
        <source>Check it (it is case-sensitive) and try again. FaceAudit cannot recover a forgotten clinic passphrase.</source>
        <translation>Vérifiez-la (majuscules et minuscules comptent) et réessayez. FaceAudit ne peut pas retrouver une phrase secrète de clinique oubliée.</translation>
    </message>
    <message>
        <source>The clinic key file is damaged or is not a FaceAudit clinic key.</source>
        <translation>Le fichier de clé de la clinique est endommagé ou n&apos;est pas une clé de clinique FaceAudit.</translation>
    </message>
    <message>
        <source>Restore it from a backup. Cases with their own passphrase still open with it.</source>
        <translation>Restaurez-le depuis une sauvegarde. Les dossiers qui ont leur propre phrase secrète s&apos;ouvrent toujours avec elle.</translation>
    </message>
    <message>
        <source>There is no case named “%name”.</source>
        <translation>Il n&apos;existe aucun dossier nommé « %name ».</translation>
    </message>
    <message>
        <source>Choose a case from the list on the Cases screen, or create one.</source>
        <translation>Choisissez un dossier dans la liste de l&apos;écran Dossiers, ou créez-en un.</translation>
    </message>
    <message>
        <source>A case named “%name” already exists.</source>
        <translation>Un dossier nommé « %name » existe déjà.</translation>
    </message>
    <message>
        <source>Choose another name, or open the existing case.</source>
        <translation>Choisissez un autre nom, ou ouvrez le dossier existant.</translation>
    </message>
    <message>
        <source>The passphrase is shorter than %min characters.</source>
        <translation>La phrase secrète fait moins de %min caractères.</translation>
    </message>
    <message>
        <source>Choose a longer one: several words are easy to remember and hard to guess.</source>
        <translation>Choisissez-en une plus longue : plusieurs mots sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <source>The disk is full: the change could not be saved and was undone.</source>
        <translation>Le disque est plein : la modification n&apos;a pas pu être enregistrée et a été annulée.</translation>
    </message>
    <message>
        <source>Free some disk space and try again; everything saved before is intact.</source>
        <translation>Libérez de l&apos;espace disque et réessayez ; tout ce qui avait été enregistré est intact.</translation>
    </message>
    <message>
        <source>The case files cannot be written (read-only file or folder).</source>
        <translation>Les fichiers du dossier ne peuvent pas être écrits (fichier ou répertoire en lecture seule).</translation>
    </message>
    <message>
        <source>Make the data folder writable, or choose another data folder in Settings.</source>
        <translation>Rendez le répertoire de données accessible en écriture, ou choisissez-en un autre dans les Réglages.</translation>
    </message>
    <message>
        <source>The case&apos;s files are damaged, incomplete or not FaceAudit files: the case cannot be opened.</source>
        <translation>Les fichiers du dossier sont endommagés, incomplets ou ne sont pas des fichiers FaceAudit : le dossier ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>Restore the case folder from a backup. FaceAudit did not change it.</source>
        <translation>Restaurez le dossier depuis une sauvegarde. FaceAudit ne l&apos;a pas modifié.</translation>
    </message>
    <message>
        <source>This file is an SQLite database, but not a FaceAudit case.</source>
        <translation>Ce fichier est une base de données SQLite, mais pas un dossier FaceAudit.</translation>
    </message>
    <message>
        <source>Move it out of the cases folder; FaceAudit did not change it.</source>
        <translation>Déplacez-le hors du répertoire des dossiers ; FaceAudit ne l&apos;a pas modifié.</translation>
    </message>
    <message>
        <source>Encrypted data in the case failed its integrity check: the case file was altered or damaged.</source>
        <translation>Des données chiffrées du dossier n&apos;ont pas passé le contrôle d&apos;intégrité : le fichier du dossier a été modifié ou endommagé.</translation>
    </message>
    <message>
        <source>Nothing was decrypted from it. Restore the case folder from a backup, or remove the affected item and add it again.</source>
        <translation>Rien n&apos;en a été déchiffré. Restaurez le dossier depuis une sauvegarde, ou retirez l&apos;élément touché et ajoutez-le à nouveau.</translation>
    </message>
    <message>
        <source>This case was saved by a newer version of FaceAudit.</source>
        <translation>Ce dossier a été enregistré par une version plus récente de FaceAudit.</translation>
    </message>
    <message>
        <source>Update FaceAudit to open it. The case was not changed.</source>
        <translation>Mettez FaceAudit à jour pour l&apos;ouvrir. Le dossier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>A scan of this case is already running (in another window).</source>
        <translation>Une analyse de ce dossier est déjà en cours (dans une autre fenêtre).</translation>
    </message>
    <message>
        <source>Wait for it to finish or stop it, then scan again.</source>
        <translation>Attendez qu&apos;elle se termine ou arrêtez-la, puis relancez l&apos;analyse.</translation>
    </message>
    <message>
        <source>The case was deleted while this was running; nothing more was saved.</source>
        <translation>Le dossier a été supprimé pendant l&apos;opération ; rien de plus n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Nothing to repair. If the deletion was a mistake, restore the case folder from a backup.</source>
        <translation>Rien à réparer. Si la suppression était une erreur, restaurez le dossier depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>The file %path cannot be read: it does not exist.</source>
        <translation>Le fichier %path ne peut pas être lu : il n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Check the file&apos;s name and folder.</source>
        <translation>Vérifiez le nom et l&apos;emplacement du fichier.</translation>
    </message>
    <message>
        <source>The file %path cannot be read (permission denied).</source>
        <translation>Le fichier %path ne peut pas être lu (accès refusé).</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions.</source>
        <translation>Vérifiez les droits d&apos;accès du fichier.</translation>
    </message>
    <message>
        <source>The file %path cannot be read.</source>
        <translation>Le fichier %path ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Check the file&apos;s name, folder and disk.</source>
        <translation>Vérifiez le nom, l&apos;emplacement et le disque du fichier.</translation>
    </message>
    <message>
        <source>%path is not a file (a folder, a device or a pipe).</source>
        <translation>%path n&apos;est pas un fichier (c&apos;est un répertoire, un périphérique ou un tube).</translation>
    </message>
    <message>
        <source>Choose a regular file on disk.</source>
        <translation>Choisissez un fichier ordinaire sur le disque.</translation>
    </message>
    <message>
        <source>The file %path is %size_bytes, over the %limit_bytes limit.</source>
        <translation>Le fichier %path fait %size_bytes, au-delà de la limite de %limit_bytes.</translation>
    </message>
    <message>
        <source>Use a smaller copy of the file.</source>
        <translation>Utilisez une copie plus petite du fichier.</translation>
    </message>
    <message>
        <source>This is a HEIC/HEIF image (the format iPhones save photos in), which FaceAudit does not decode.</source>
        <translation>C&apos;est une image HEIC/HEIF (le format des photos d&apos;iPhone), que FaceAudit ne décode pas.</translation>
    </message>
    <message>
        <source>Convert it to JPEG (most photo apps can export a JPEG copy) and use that copy.</source>
        <translation>Convertissez-la en JPEG (la plupart des applications photo exportent une copie JPEG) et utilisez cette copie.</translation>
    </message>
    <message>
        <source>This is an AVIF image, and this installation cannot decode AVIF.</source>
        <translation>C&apos;est une image AVIF, et cette installation ne sait pas décoder l&apos;AVIF.</translation>
    </message>
    <message>
        <source>Convert the picture to JPEG and use that copy.</source>
        <translation>Convertissez l&apos;image en JPEG et utilisez cette copie.</translation>
    </message>
    <message>
        <source>This is not an image FaceAudit can read (not JPEG, PNG, WebP, GIF, BMP, TIFF or AVIF).</source>
        <translation>Ce n&apos;est pas une image que FaceAudit sait lire (ni JPEG, PNG, WebP, GIF, BMP, TIFF ou AVIF).</translation>
    </message>
    <message>
        <source>Check that the file or address really points to a picture.</source>
        <translation>Vérifiez que le fichier ou l&apos;adresse désigne bien une image.</translation>
    </message>
    <message>
        <source>The %format image is corrupt or truncated.</source>
        <translation>L&apos;image %format est corrompue ou tronquée.</translation>
    </message>
    <message>
        <source>Try another copy of the picture.</source>
        <translation>Essayez une autre copie de l&apos;image.</translation>
    </message>
    <message>
        <source>The %format image claims %widthx%height pixels (%megapixels MP, over the %limit MP limit); it was not decoded.</source>
        <translation>L&apos;image %format annonce %widthx%height pixels (%megapixels MP, au-delà de la limite de %limit MP) ; elle n&apos;a pas été décodée.</translation>
    </message>
    <message>
        <source>Such sizes are used to exhaust memory; if the picture is real, scale it down first.</source>
        <translation>De telles tailles servent à épuiser la mémoire ; si l&apos;image est authentique, réduisez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Decoding the image needed more memory than FaceAudit allows for one picture.</source>
        <translation>Le décodage de l&apos;image demandait plus de mémoire que FaceAudit n&apos;en accorde à une image.</translation>
    </message>
    <message>
        <source>Use a smaller copy of the picture.</source>
        <translation>Utilisez une copie plus petite de l&apos;image.</translation>
    </message>
    <message>
        <source>Decoding the image took longer than %seconds s and was stopped.</source>
        <translation>Le décodage de l&apos;image a duré plus de %seconds s et a été arrêté.</translation>
    </message>
    <message>
        <source>The file may be built to stall decoders; try another copy.</source>
        <translation>Le fichier est peut-être conçu pour bloquer les décodeurs ; essayez une autre copie.</translation>
    </message>
    <message>
        <source>The image decoder crashed on this file; FaceAudit carried on.</source>
        <translation>Le décodeur d&apos;images a planté sur ce fichier ; FaceAudit a continué sans lui.</translation>
    </message>
    <message>
        <source>The file is corrupt or malicious; skip it.</source>
        <translation>Le fichier est corrompu ou malveillant ; laissez-le de côté.</translation>
    </message>
    <message>
        <source>No reference photo was given.</source>
        <translation>Aucune photo de référence n&apos;a été fournie.</translation>
    </message>
    <message>
        <source>Add at least one photo of yourself.</source>
        <translation>Ajoutez au moins une photo de vous.</translation>
    </message>
    <message>
        <source>No face was found in the reference photo %label.</source>
        <translation>Aucun visage n&apos;a été trouvé sur la photo de référence %label.</translation>
    </message>
    <message>
        <source>Use a photo where your face is clearly visible, looking at the camera.</source>
        <translation>Utilisez une photo où votre visage est bien visible, face à l&apos;objectif.</translation>
    </message>
    <message>
        <source>The reference photo %label shows %count faces of similar size, so it is not clear which one is you.</source>
        <translation>La photo de référence %label montre %count visages de taille semblable : on ne sait pas lequel est le vôtre.</translation>
    </message>
    <message>
        <source>Crop the photo to your face, or choose a photo in which you are alone.</source>
        <translation>Recadrez la photo sur votre visage, ou choisissez une photo où vous êtes seul·e.</translation>
    </message>
    <message>
        <source>Your face in %label is only %pixels pixels across (at least %minimum are needed for a reliable reference).</source>
        <translation>Votre visage sur %label ne mesure que %pixels pixels de large (il en faut au moins %minimum pour une référence fiable).</translation>
    </message>
    <message>
        <source>Use a larger or closer photo of your face.</source>
        <translation>Utilisez une photo plus grande ou plus rapprochée de votre visage.</translation>
    </message>
    <message>
        <source>The face in %label is hard to make out: it may be turned away, covered or badly lit.</source>
        <translation>Le visage sur %label est difficile à distinguer : il est peut-être de profil, masqué ou mal éclairé.</translation>
    </message>
    <message>
        <source>Use a photo where your face is frontal, uncovered and well lit.</source>
        <translation>Utilisez une photo où votre visage est de face, découvert et bien éclairé.</translation>
    </message>
    <message>
        <source>The face in %label is too blurry.</source>
        <translation>Le visage sur %label est trop flou.</translation>
    </message>
    <message>
        <source>Use a sharper photo.</source>
        <translation>Utilisez une photo plus nette.</translation>
    </message>
    <message>
        <source>The face models (%name) are not installed.</source>
        <translation>Les modèles de visage (%name) ne sont pas installés.</translation>
    </message>
    <message>
        <source>Fetch them in Settings &gt; Model pack.</source>
        <translation>Téléchargez-les dans Réglages &gt; Jeu de modèles.</translation>
    </message>
    <message>
        <source>The face models (%name) are damaged.</source>
        <translation>Les modèles de visage (%name) sont endommagés.</translation>
    </message>
    <message>
        <source>Fetch them again in Settings &gt; Model pack.</source>
        <translation>Téléchargez-les à nouveau dans Réglages &gt; Jeu de modèles.</translation>
    </message>
    <message>
        <source>The face models (%name) could not be fetched from any source.</source>
        <translation>Les modèles de visage (%name) n&apos;ont pu être téléchargés depuis aucune source.</translation>
    </message>
    <message>
        <source>Check the internet connection, or copy the model pack onto this computer and install it from there.</source>
        <translation>Vérifiez la connexion à Internet, ou copiez le jeu de modèles sur cet ordinateur et installez-le depuis cette copie.</translation>
    </message>
    <message>
        <source>%host could not be reached to fetch the face models.</source>
        <translation>%host n&apos;a pas pu être joint pour télécharger les modèles de visage.</translation>
    </message>
    <message>
        <source>Check the internet connection or the proxy settings.</source>
        <translation>Vérifiez la connexion à Internet ou les réglages du proxy.</translation>
    </message>
    <message>
        <source>The face models (%name) are already being fetched.</source>
        <translation>Les modèles de visage (%name) sont déjà en cours de téléchargement.</translation>
    </message>
    <message>
        <source>Wait for that to finish, then try again.</source>
        <translation>Attendez la fin du téléchargement, puis réessayez.</translation>
    </message>
    <message>
        <source>The downloaded face models are not the expected files (their size or checksum differs); they were deleted.</source>
        <translation>Les modèles téléchargés ne sont pas les fichiers attendus (leur taille ou leur empreinte diffère) ; ils ont été supprimés.</translation>
    </message>
    <message>
        <source>Try again later, or use another source.</source>
        <translation>Réessayez plus tard, ou utilisez une autre source.</translation>
    </message>
    <message>
        <source>The download of the face models from %host did not complete.</source>
        <translation>Le téléchargement des modèles de visage depuis %host ne s&apos;est pas terminé.</translation>
    </message>
    <message>
        <source>Fetch them again: the download resumes where it stopped.</source>
        <translation>Relancez le téléchargement : il reprend là où il s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>%host answered HTTP %status to the download of the face models.</source>
        <translation>%host a répondu HTTP %status au téléchargement des modèles de visage.</translation>
    </message>
    <message>
        <source>The face models could not be written to disk.</source>
        <translation>Les modèles de visage n&apos;ont pas pu être écrits sur le disque.</translation>
    </message>
    <message>
        <source>Free some disk space, then fetch them again.</source>
        <translation>Libérez de l&apos;espace disque, puis relancez le téléchargement.</translation>
    </message>
    <message>
        <source>The letter could not be written to %where: the disk is full (or over its quota); nothing was written.</source>
        <translation>La lettre n&apos;a pas pu être écrite dans %where : le disque est plein (ou le quota est dépassé) ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Free some space, or save the letter in another folder.</source>
        <translation>Libérez de l&apos;espace, ou enregistrez la lettre dans un autre répertoire.</translation>
    </message>
    <message>
        <source>The letter could not be written to %where: FaceAudit may not write there (read-only, or not yours); nothing was written.</source>
        <translation>La lettre n&apos;a pas pu être écrite dans %where : FaceAudit n&apos;a pas le droit d&apos;y écrire (lecture seule, ou pas à vous) ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Save the letter in a folder you can write to.</source>
        <translation>Enregistrez la lettre dans un répertoire où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>The letter could not be written to %where: a file stands where a folder must be, or the other way round; nothing was written.</source>
        <translation>La lettre n&apos;a pas pu être écrite dans %where : un fichier se trouve là où il faut un répertoire, ou l&apos;inverse ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Choose another folder or file name.</source>
        <translation>Choisissez un autre répertoire ou nom de fichier.</translation>
    </message>
    <message>
        <source>The letter could not be written to %where: the path is too long for this system.</source>
        <translation>La lettre n&apos;a pas pu être écrite dans %where : le chemin est trop long pour ce système.</translation>
    </message>
    <message>
        <source>Choose a shorter path.</source>
        <translation>Choisissez un chemin plus court.</translation>
    </message>
    <message>
        <source>The letter could not be written to %where (%reason).</source>
        <translation>La lettre n&apos;a pas pu être écrite dans %where (%reason).</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, with free space.</source>
        <translation>Choisissez un répertoire où vous pouvez écrire, avec de l&apos;espace libre.</translation>
    </message>
    <message>
        <source>%where already exists (an earlier letter); nothing was written.</source>
        <translation>%where existe déjà (une lettre précédente) ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Choose another file name, or agree to replace it.</source>
        <translation>Choisissez un autre nom de fichier, ou acceptez de le remplacer.</translation>
    </message>
    <message>
        <source>%where already exists; it was not overwritten.</source>
        <translation>%where existe déjà ; il n&apos;a pas été écrasé.</translation>
    </message>
    <message>
        <source>Save the replies into another folder.</source>
        <translation>Enregistrez les réponses dans un autre répertoire.</translation>
    </message>
    <message>
        <source>Letter FA-%letter is already marked as sent.</source>
        <translation>La lettre FA-%letter est déjà marquée comme envoyée.</translation>
    </message>
    <message>
        <source>Record the operator&apos;s answer, an extension or the closing instead.</source>
        <translation>Enregistrez plutôt la réponse de l&apos;opérateur, une prolongation ou la clôture.</translation>
    </message>
    <message>
        <source>A pause on %on_date is outside the period that runs from %start_date to %end_date.</source>
        <translation>Une suspension le %on_date tombe hors du délai, qui court du %start_date au %end_date.</translation>
    </message>
    <message>
        <source>Give the date the organisation asked for ID or clarification.</source>
        <translation>Indiquez la date à laquelle l&apos;organisme a demandé une pièce d&apos;identité ou une précision.</translation>
    </message>
    <message>
        <source>The clock cannot run again on %on_date, before it was paused (%paused_date).</source>
        <translation>Le délai ne peut pas reprendre le %on_date, avant sa suspension (%paused_date).</translation>
    </message>
    <message>
        <source>Give the day the organisation received what it asked for.</source>
        <translation>Indiquez le jour où l&apos;organisme a reçu ce qu&apos;il demandait.</translation>
    </message>
    <message>
        <source>The letter was received on %received_date, before the new send date %sent_date.</source>
        <translation>La lettre a été reçue le %received_date, avant la nouvelle date d&apos;envoi, le %sent_date.</translation>
    </message>
    <message>
        <source>Give the day it was received too.</source>
        <translation>Indiquez aussi le jour où elle a été reçue.</translation>
    </message>
    <message>
        <source>Letter FA-%letter is followed up by %letters, so it was sent: that cannot be taken back.</source>
        <translation>La lettre FA-%letter est suivie de %letters : elle a donc été envoyée, ce qui ne peut pas être annulé.</translation>
    </message>
    <message>
        <source>Discard those drafts first, or correct the send date instead.</source>
        <translation>Abandonnez d&apos;abord ces brouillons, ou corrigez plutôt la date d&apos;envoi.</translation>
    </message>
    <message>
        <source>The operator&apos;s reply is kept with letter FA-%letter, so it was sent: that cannot be taken back.</source>
        <translation>La réponse de l&apos;opérateur est conservée avec la lettre FA-%letter : elle a donc été envoyée, ce qui ne peut pas être annulé.</translation>
    </message>
    <message>
        <source>Correct the send date instead.</source>
        <translation>Corrigez plutôt la date d&apos;envoi.</translation>
    </message>
    <message>
        <source>The reply file %name is empty.</source>
        <translation>Le fichier de réponse %name est vide.</translation>
    </message>
    <message>
        <source>Check the file, and choose the one the operator sent.</source>
        <translation>Vérifiez le fichier, et choisissez celui que l&apos;opérateur a envoyé.</translation>
    </message>
    <message>
        <source>The law sets no standard extension for this request.</source>
        <translation>La loi ne prévoit pas de prolongation type pour cette demande.</translation>
    </message>
    <message>
        <source>Give the new due date the operator announced.</source>
        <translation>Indiquez la nouvelle échéance annoncée par l&apos;opérateur.</translation>
    </message>
    <message>
        <source>The calendar could not be written to %where (%reason).</source>
        <translation>Le calendrier n&apos;a pas pu être écrit dans %where (%reason).</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Choisissez un répertoire où vous pouvez écrire.</translation>
    </message>
</context>
<context>
    <name>ReasonWords</name>
    <message>
        <source>page</source>
        <translation>page</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vidéo</translation>
    </message>
    <message>
        <source>response</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>a web page</source>
        <translation>une page web</translation>
    </message>
    <message>
        <source>not an image or a video</source>
        <translation>ni une image ni une vidéo</translation>
    </message>
    <message>
        <source>it lists more than %1 sitemaps</source>
        <translation>il énumère plus de %1 plans de site</translation>
    </message>
    <message>
        <source>it lists more than %1 pages</source>
        <translation>il énumère plus de %1 pages</translation>
    </message>
    <message>
        <source>it is larger than %1 MiB of XML</source>
        <translation>il dépasse %1 Mio de XML</translation>
    </message>
    <message>
        <source>it stops being well-formed XML (%1)</source>
        <translation>son XML cesse d&apos;être bien formé (%1)</translation>
    </message>
    <message>
        <source>it is not well-formed XML (%1)</source>
        <translation>son XML n&apos;est pas bien formé (%1)</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>it is an image</source>
        <translation>c&apos;est une image</translation>
    </message>
    <message>
        <source>it is a video</source>
        <translation>c&apos;est une vidéo</translation>
    </message>
    <message>
        <source>it used more than %1 MB of memory</source>
        <translation>il a utilisé plus de %1 Mo de mémoire</translation>
    </message>
    <message>
        <source>it did not answer within %1 s</source>
        <translation>il n&apos;a pas répondu en %1 s</translation>
    </message>
    <message>
        <source>it stopped</source>
        <translation>il s&apos;est arrêté</translation>
    </message>
    <message>
        <source>it did not start</source>
        <translation>il n&apos;a pas démarré</translation>
    </message>
    <message>
        <source>Certificate checks are OFF for this source, as you asked: anyone on the network path could change what FaceAudit sees. Turn them back on unless you know why they fail.</source>
        <translation>La vérification des certificats est DÉSACTIVÉE pour cette source, à votre demande : toute personne sur le trajet réseau pourrait modifier ce que voit FaceAudit. Réactivez-la, sauf si vous savez pourquoi elle échoue.</translation>
    </message>
    <message>
        <source>This page&apos;s markup is nested too deeply to read safely (far beyond the %count levels where browsers stop nesting); FaceAudit did not read its images. If the page matters, save the images you see and add them as files.</source>
        <translation>Le balisage de cette page est trop profondément imbriqué pour être lu sans risque (bien au-delà des %count niveaux où les navigateurs s&apos;arrêtent) ; FaceAudit n&apos;a pas lu ses images. Si la page compte, enregistrez les images que vous voyez et ajoutez-les comme fichiers.</translation>
    </message>
    <message>
        <source>This is not a usable address: %detail.</source>
        <translation>Cette adresse n&apos;est pas utilisable : %detail.</translation>
    </message>
    <message>
        <source>No image could be taken from this video: %detail.</source>
        <translation>Aucune image n&apos;a pu être extraite de cette vidéo : %detail.</translation>
    </message>
    <message>
        <source>This sitemap could not be read: %sitemap. Its pages were not visited.</source>
        <translation>Ce plan de site n&apos;a pas pu être lu : %sitemap. Ses pages n&apos;ont pas été visitées.</translation>
    </message>
    <message>
        <source>Only part of this sitemap was read: %sitemap.</source>
        <translation>Ce plan de site n&apos;a été lu qu&apos;en partie : %sitemap.</translation>
    </message>
    <message>
        <source>This sitemap lists only addresses on other sites (%count); FaceAudit reads only the site you listed.</source>
        <translation>Ce plan de site n&apos;énumère que des adresses d&apos;autres sites (%count) ; FaceAudit ne lit que le site que vous avez indiqué.</translation>
    </message>
    <message>
        <source>The sitemap could not be read: %fetch</source>
        <translation>Le plan de site n&apos;a pas pu être lu : %fetch</translation>
    </message>
    <message>
        <source>This page was seen in the in-app browser: FaceAudit does not fetch it on its own (it may show nothing without a browser, or without your login). Scan it again from the Browser screen.</source>
        <translation>Cette page a été vue dans le navigateur intégré : FaceAudit ne la récupère pas de lui-même (elle peut ne rien montrer sans navigateur, ou sans votre connexion). Analysez-la de nouveau depuis l&apos;écran Navigateur.</translation>
    </message>
    <message>
        <source>%count image(s) on this page were drawn by the page itself (data: addresses) and were not examined.</source>
        <translation>%count image(s) de cette page ont été dessinées par la page elle-même (adresses data:) et n&apos;ont pas été examinées.</translation>
    </message>
    <message>
        <source>The page or image no longer exists (HTTP %status); it may have been removed.</source>
        <translation>La page ou l&apos;image n&apos;existe plus (HTTP %status) ; elle a peut-être été retirée.</translation>
    </message>
    <message>
        <source>The server refuses access (HTTP %status); FaceAudit only fetches what is public and never logs in.</source>
        <translation>Le serveur refuse l&apos;accès (HTTP %status) ; FaceAudit ne récupère que ce qui est public et ne se connecte jamais à un compte.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %status); try again later.</source>
        <translation>Le serveur a échoué (HTTP %status) ; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server answered HTTP %status; nothing was fetched.</source>
        <translation>Le serveur a répondu HTTP %status ; rien n&apos;a été récupéré.</translation>
    </message>
    <message>
        <source>The host name %host could not be found (DNS).</source>
        <translation>Le nom d&apos;hôte %host est introuvable (DNS).</translation>
    </message>
    <message>
        <source>%host refused the connection (nothing is listening).</source>
        <translation>%host a refusé la connexion (aucun service n&apos;écoute).</translation>
    </message>
    <message>
        <source>The connection to %host failed (%detail).</source>
        <translation>La connexion à %host a échoué (%detail).</translation>
    </message>
    <message>
        <source>%host did not accept a connection within %seconds s.</source>
        <translation>%host n&apos;a pas accepté de connexion dans les %seconds s.</translation>
    </message>
    <message>
        <source>%host stopped sending data for %seconds s; try again later.</source>
        <translation>%host n&apos;a plus rien envoyé pendant %seconds s ; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server did not deliver the response within %seconds s; FaceAudit stopped waiting (a very slow or deliberately dripping server).</source>
        <translation>Le serveur n&apos;a pas livré sa réponse dans les %seconds s ; FaceAudit a cessé d&apos;attendre (un serveur très lent, ou qui envoie au compte-gouttes exprès).</translation>
    </message>
    <message>
        <source>Not fetched: the source&apos;s total time limit ran out before this address answered. Scan the source again later, or raise the limit if the site is just slow.</source>
        <translation>Non récupérée : le temps total accordé à la source s&apos;est écoulé avant que cette adresse réponde. Analysez à nouveau la source plus tard, ou augmentez la limite si le site est seulement lent.</translation>
    </message>
    <message>
        <source>The connection to %host was reset, again after %count retries.</source>
        <translation>La connexion à %host a été coupée, encore après %count nouvelles tentatives.</translation>
    </message>
    <message>
        <source>%host is limiting how often it may be asked (HTTP 429), still after %count retries. Scan again later.</source>
        <translation>%host limite la fréquence des demandes (HTTP 429), encore après %count nouvelles tentatives. Relancez l&apos;analyse plus tard.</translation>
    </message>
    <message>
        <source>%host is unavailable (HTTP 503), still after %count retries. Scan again later.</source>
        <translation>%host est indisponible (HTTP 503), encore après %count nouvelles tentatives. Relancez l&apos;analyse plus tard.</translation>
    </message>
    <message>
        <source>The secure connection to %host failed its certificate check (%detail). FaceAudit did not fetch the page.</source>
        <translation>La connexion sécurisée à %host a échoué à la vérification du certificat (%detail). FaceAudit n&apos;a pas récupéré la page.</translation>
    </message>
    <message>
        <source>The secure connection to %host could not be set up (%detail). FaceAudit did not fetch the page.</source>
        <translation>La connexion sécurisée à %host n&apos;a pas pu être établie (%detail). FaceAudit n&apos;a pas récupéré la page.</translation>
    </message>
    <message>
        <source>The site&apos;s robots.txt asks crawlers not to fetch this page, so FaceAudit skipped it. List the page yourself to check it anyway.</source>
        <translation>Le robots.txt du site demande aux robots de ne pas récupérer cette page : FaceAudit l&apos;a donc ignorée. Ajoutez vous-même la page à la liste pour la vérifier quand même.</translation>
    </message>
    <message>
        <source>The %kind is larger than the %mib MiB limit; the download was stopped.</source>
        <translation>La %kind dépasse la limite de %mib Mio ; le téléchargement a été arrêté.</translation>
    </message>
    <message>
        <source>The %kind is larger than its size limit.</source>
        <translation>La %kind dépasse sa limite de taille.</translation>
    </message>
    <message>
        <source>The server sends redirects in a loop; nothing was fetched.</source>
        <translation>Le serveur redirige en boucle ; rien n&apos;a été récupéré.</translation>
    </message>
    <message>
        <source>The server redirected more than %count times; FaceAudit stopped following.</source>
        <translation>Le serveur a redirigé plus de %count fois ; FaceAudit a cessé de suivre.</translation>
    </message>
    <message>
        <source>This image address returned %what (the server called it %claimed); it was skipped.</source>
        <translation>Cette adresse d&apos;image a renvoyé %what (le serveur l&apos;a déclarée %claimed) ; elle a été ignorée.</translation>
    </message>
    <message>
        <source>This address returned neither a web page, an image nor a video (the server called it %claimed).</source>
        <translation>Cette adresse n&apos;a renvoyé ni page web, ni image, ni vidéo (le serveur l&apos;a déclarée %claimed).</translation>
    </message>
    <message>
        <source>The site&apos;s robots.txt could not be read (%detail), so FaceAudit did not crawl this page (an unreadable robots.txt counts as “do not crawl”). Scan again later, or list the page yourself to check it anyway.</source>
        <translation>Le robots.txt du site n&apos;a pas pu être lu (%detail) : FaceAudit n&apos;a donc pas exploré cette page (un robots.txt illisible vaut « ne pas explorer »). Relancez l&apos;analyse plus tard, ou ajoutez vous-même la page à la liste pour la vérifier quand même.</translation>
    </message>
    <message>
        <source>Not fetched: the source&apos;s total time limit (%seconds s) ran out before this address was reached. Scan it again later, or raise the limit if the site is slow.</source>
        <translation>Non récupérée : le temps total accordé à la source (%seconds s) s&apos;est écoulé avant d&apos;arriver à cette adresse. Analysez-la à nouveau plus tard, ou augmentez la limite si le site est lent.</translation>
    </message>
    <message>
        <source>Not fetched: %host did not answer in time %count times in this run, so FaceAudit stopped asking it. Scan again later, when the site responds.</source>
        <translation>Non récupérée : %host n&apos;a pas répondu à temps %count fois pendant cette analyse, FaceAudit a donc cessé de l&apos;interroger. Relancez l&apos;analyse plus tard, quand le site répondra.</translation>
    </message>
    <message>
        <source>The site has no sitemap (its robots.txt names none and it has no /sitemap.xml), so only the listed page was read.</source>
        <translation>Le site n&apos;a pas de plan (son robots.txt n&apos;en indique aucun et il n&apos;a pas de /sitemap.xml) : seule la page indiquée a été lue.</translation>
    </message>
    <message>
        <source>The site has no sitemap (its robots.txt names none and it has no /sitemap.xml), so only the listed page and the pages it links to were read.</source>
        <translation>Le site n&apos;a pas de plan (son robots.txt n&apos;en indique aucun et il n&apos;a pas de /sitemap.xml) : seules la page indiquée et les pages vers lesquelles elle pointe ont été lues.</translation>
    </message>
    <message>
        <source>This source reached its limit of %count images; the rest were not fetched. Raise the limit or list fewer pages.</source>
        <translation>Cette source a atteint sa limite de %count images ; les autres n&apos;ont pas été récupérées. Augmentez la limite ou indiquez moins de pages.</translation>
    </message>
    <message>
        <source>The page shows more than %count images; only the first %count were examined (%more more placements skipped).</source>
        <translation>La page affiche plus de %count images ; seules les %count premières ont été examinées (%more emplacements de plus ignorés).</translation>
    </message>
    <message>
        <source>Rendering pages in a browser needs QtWebEngine, which is not installed here (%detail).</source>
        <translation>Afficher les pages dans un navigateur demande QtWebEngine, qui n&apos;est pas installé ici (%detail).</translation>
    </message>
    <message>
        <source>FaceAudit&apos;s browser could not start (%reason). Check that QtWebEngine runs on this computer (faceaudit selftest), or scan this source without a browser.</source>
        <translation>Le navigateur de FaceAudit n&apos;a pas pu démarrer (%reason). Vérifiez que QtWebEngine fonctionne sur cet ordinateur (faceaudit selftest), ou analysez cette source sans navigateur.</translation>
    </message>
    <message>
        <source>The browser could not render this page: %reason. The page may be too heavy for it; its plain images were still examined. Scan it again without a browser, or save its images and add them as files.</source>
        <translation>Le navigateur n&apos;a pas pu afficher cette page : %reason. La page est peut-être trop lourde pour lui ; ses images ordinaires ont tout de même été examinées. Analysez-la de nouveau sans navigateur, ou enregistrez ses images et ajoutez-les comme fichiers.</translation>
    </message>
    <message>
        <source>The browser could not load this page (unreachable, or refused because it is on your own network); its plain images were still examined.</source>
        <translation>Le navigateur n&apos;a pas pu charger cette page (injoignable, ou refusée parce qu&apos;elle se trouve sur votre propre réseau) ; ses images ordinaires ont tout de même été examinées.</translation>
    </message>
    <message>
        <source>This page was still loading after %seconds s (the browser&apos;s deadline): the images it showed by then were examined, later ones may be missing.</source>
        <translation>Cette page se chargeait encore après %seconds s (le délai du navigateur) : les images affichées jusque-là ont été examinées, les suivantes peuvent manquer.</translation>
    </message>
    <message>
        <source>The page tried to reach addresses on your own network or computer (%hosts); the browser refused them.</source>
        <translation>La page a tenté de joindre des adresses de votre propre réseau ou de votre ordinateur (%hosts) ; le navigateur les a refusées.</translation>
    </message>
    <message>
        <source>%host resolves to a private or local network address (%addresses); FaceAudit does not fetch from your own network unless you list that address and port yourself.</source>
        <translation>%host correspond à une adresse de réseau privé ou local (%addresses) ; FaceAudit ne récupère rien sur votre propre réseau, sauf si vous indiquez vous-même cette adresse et ce port.</translation>
    </message>
</context>
</TS>
