<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to FaceAudit</source>
        <translation>Bienvenue dans FaceAudit</translation>
    </message>
    <message>
        <source>Your first case</source>
        <translation>Votre premier dossier</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Skip: I will create a case later</source>
        <translation>&amp;Passer : je créerai un dossier plus tard</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>The model pack</source>
        <translation>Le pack de modèles</translation>
    </message>
    <message>
        <source>Model pack (*.zip *.whl)</source>
        <translation>Pack de modèles (*.zip *.whl)</translation>
    </message>
    <message>
        <source>The download was cancelled. What was fetched is kept for next time.</source>
        <translation>Le téléchargement a été annulé. Ce qui a déjà été récupéré est gardé pour la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>LicencePage</name>
    <message>
        <source>FaceAudit recognises faces with the InsightFace model pack %1. FaceAudit&apos;s own code is free software (GPL-3.0-or-later), but these model weights have their own licence:</source>
        <translation>FaceAudit reconnaît les visages avec le pack de modèles InsightFace %1. Le code de FaceAudit est un logiciel libre (GPL-3.0 ou ultérieure), mais les poids de ces modèles ont leur propre licence :</translation>
    </message>
    <message>
        <source>The weights may be used for non-commercial research only. Commercial use needs a licence from InsightFace.</source>
        <translation>Les poids ne peuvent servir qu’à de la recherche non commerciale. Tout usage commercial exige une licence d’InsightFace.</translation>
    </message>
    <message>
        <source>I accept the licence: I will use the model weights for non-commercial purposes only.</source>
        <translation>J’accepte la licence : je n’utiliserai les poids des modèles qu’à des fins non commerciales.</translation>
    </message>
    <message>
        <source>The face models&apos; licence</source>
        <translation>La licence des modèles de visage</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The face models (%1, about %2 MB) are downloaded once from InsightFace&apos;s release or, failing that, from the Python package index, and checked against their known fingerprints before use.</source>
        <translation>Les modèles de visage (%1, environ %2 Mo) sont téléchargés une seule fois depuis la publication d’InsightFace ou, à défaut, depuis l’index des paquets Python, et leurs empreintes connues sont vérifiées avant usage.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>&amp;Download the models</source>
        <translation>&amp;Télécharger les modèles</translation>
    </message>
    <message>
        <source>Use a &amp;copy I already have...</source>
        <translation>Utiliser une &amp;copie que j’ai déjà…</translation>
    </message>
    <message>
        <source>A folder, .zip or .whl with the model files, e.g. from a USB stick</source>
        <translation>Un dossier, un .zip ou un .whl contenant les fichiers des modèles, par ex. sur une clé USB</translation>
    </message>
    <message>
        <source>&amp;Cancel the download</source>
        <translation>&amp;Annuler le téléchargement</translation>
    </message>
    <message>
        <source>The face models</source>
        <translation>Les modèles de visage</translation>
    </message>
    <message>
        <source>Downloading...</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 MB</source>
        <translation>%1 : %2 sur %3 Mo</translation>
    </message>
    <message>
        <source>%1: %2 MB</source>
        <translation>%1 : %2 Mo</translation>
    </message>
    <message>
        <source>The face models are installed and checked.</source>
        <translation>Les modèles de visage sont installés et vérifiés.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>your reference photos and the faces found</source>
        <translation>vos photos de référence et les visages trouvés</translation>
    </message>
    <message>
        <source>your name and address, used only in your letters</source>
        <translation>vos nom et adresse, utilisés seulement dans vos courriers</translation>
    </message>
    <message>
        <source>the letters and their deadlines</source>
        <translation>les courriers et leurs délais</translation>
    </message>
    <message>
        <source>the web pages you list (and pages they link to, if you ask)</source>
        <translation>les pages web que vous indiquez (et les pages vers lesquelles elles renvoient, si vous le demandez)</translation>
    </message>
    <message>
        <source>once: the download of the face models</source>
        <translation>une seule fois : le téléchargement des modèles de visage</translation>
    </message>
    <message>
        <source>FaceAudit looks for your own face on the web pages you list, here on this computer, and helps you ask the sites to delete it.</source>
        <translation>FaceAudit cherche votre propre visage sur les pages web que vous indiquez, ici sur cet ordinateur, et vous aide à demander aux sites de le supprimer.</translation>
    </message>
    <message>
        <source>What stays on this computer (encrypted under your passphrase):</source>
        <translation>Ce qui reste sur cet ordinateur (chiffré sous votre phrase secrète) :</translation>
    </message>
    <message>
        <source>What FaceAudit contacts:</source>
        <translation>Ce que FaceAudit contacte :</translation>
    </message>
    <message>
        <source>Nothing else: no account, no cloud service, no statistics sent.</source>
        <translation>Rien d’autre : pas de compte, pas de service en ligne, aucune statistique envoyée.</translation>
    </message>
    <message>
        <source>Welcome to FaceAudit</source>
        <translation>Bienvenue dans FaceAudit</translation>
    </message>
</context>
</TS>
