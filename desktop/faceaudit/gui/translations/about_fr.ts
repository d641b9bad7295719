<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About FaceAudit</source>
        <translation>À propos de FaceAudit</translation>
    </message>
    <message>
        <source>FaceAudit %1</source>
        <translation>FaceAudit %1</translation>
    </message>
    <message>
        <source>InsightFace model weights (buffalo_sc, buffalo_l): non-commercial research use only. Commercial use needs a licence from InsightFace.</source>
        <translation>Poids des modèles InsightFace (buffalo_sc, buffalo_l) : usage de recherche non commercial uniquement. Tout usage commercial exige une licence d’InsightFace.</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>New versions are published at: %1</source>
        <translation>Les nouvelles versions sont publiées ici : %1</translation>
    </message>
    <message>
        <source>New versions are published on the project&apos;s releases page, with the source code.</source>
        <translation>Les nouvelles versions sont publiées sur la page des versions du projet, avec le code source.</translation>
    </message>
    <message>
        <source>FaceAudit never checks for updates by itself: nothing leaves this computer except the pages you list and the model download.</source>
        <translation>FaceAudit ne cherche jamais de mises à jour de lui-même : rien ne quitte cet ordinateur, hormis les pages que vous indiquez et le téléchargement du modèle.</translation>
    </message>
    <message>
        <source>Find where your own face appears on the pages you list, on your own computer, and ask the sites to act.</source>
        <translation>Trouvez où votre visage apparaît sur les pages que vous indiquez, sur votre propre ordinateur, et demandez aux sites d’agir.</translation>
    </message>
</context>
</TS>
