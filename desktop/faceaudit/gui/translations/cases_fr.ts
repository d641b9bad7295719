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
        <source>A case is one person&apos;s file: their reference photos, the pages to search, what was found and the letters. Each case is encrypted with its own passphrase.</source>
        <translation>Un dossier contient tout ce qui concerne une personne : ses photos de référence, les pages à examiner, ce qui a été trouvé et les courriers. Chaque dossier est chiffré avec sa propre phrase secrète.</translation>
    </message>
</context>
</TS>
