<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DueDeletions</name>
    <message numerus="yes">
        <source>%n case(s) due for deletion: %1.</source>
        <translation>
            <numerusform>%n dossier clos à supprimer : %1.</numerusform>
            <numerusform>%n dossiers clos à supprimer : %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuiContext</name>
    <message>
        <source>Something went wrong and FaceAudit could not finish this. Nothing you saved before was lost.

A report without any personal data was written to:
%1
You can attach it to a bug report.</source>
        <translation>Un problème est survenu et FaceAudit n’a pas pu terminer. Rien de ce que vous aviez enregistré n’est perdu.

Un rapport sans aucune donnée personnelle a été écrit ici :
%1
Vous pouvez le joindre à un signalement de bug.</translation>
    </message>
    <message>
        <source>FaceAudit</source>
        <translation>FaceAudit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FaceAudit</source>
        <translation>FaceAudit</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Lock the case</source>
        <translation>&amp;Verrouiller le dossier</translation>
    </message>
    <message>
        <source>Close and lock the case</source>
        <translation>Fermer et verrouiller le dossier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About FaceAudit</source>
        <translation>À &amp;propos de FaceAudit</translation>
    </message>
    <message>
        <source>Case: %1 (open)</source>
        <translation>Dossier : %1 (ouvert)</translation>
    </message>
    <message>
        <source>%1 — FaceAudit</source>
        <translation>%1 — FaceAudit</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Aucun dossier ouvert</translation>
    </message>
</context>
<context>
    <name>NeedsCase</name>
    <message>
        <source>Open or create a case first.</source>
        <translation>Ouvrez ou créez d’abord un dossier.</translation>
    </message>
    <message>
        <source>Go to Cases</source>
        <translation>Aller aux dossiers</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
</TS>
