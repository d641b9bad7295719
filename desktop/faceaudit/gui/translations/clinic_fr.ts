<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ClinicPassphrasePanel</name>
    <message>
        <source>Clinic passphrase</source>
        <translation>Phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>Current clinic passphrase</source>
        <translation>Phrase secrète actuelle de la clinique</translation>
    </message>
    <message>
        <source>New clinic passphrase</source>
        <translation>Nouvelle phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>New clinic passphrase again</source>
        <translation>Nouvelle phrase secrète de la clinique, à nouveau</translation>
    </message>
    <message>
        <source>There is no recovery: if the clinic passphrase is forgotten, the cases that have no passphrase of their own cannot be opened again. Keep it somewhere safe.</source>
        <translation>Aucune récupération n’est possible : si la phrase secrète de la clinique est oubliée, les dossiers qui n’ont pas leur propre phrase secrète ne pourront plus être ouverts. Conservez-la en lieu sûr.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>Phrase &amp;actuelle :</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nouvelle phrase :</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la :</translation>
    </message>
    <message>
        <source>A clinic can open all its clients&apos; cases with one clinic passphrase, or give each case a passphrase of its own; both work side by side (choose when creating a case). Either way each case keeps its own key: the clinic passphrase opens only the cases created under it, never one with its own passphrase. Changing it re-locks only the clinic key, not the cases.</source>
        <translation>Une clinique peut ouvrir tous les dossiers de ses clients avec une seule phrase secrète de clinique, ou donner à chaque dossier sa propre phrase secrète ; les deux fonctionnent côte à côte (le choix se fait à la création du dossier). Dans tous les cas, chaque dossier garde sa propre clé : la phrase secrète de la clinique n’ouvre que les dossiers créés sous elle, jamais un dossier doté de sa propre phrase. La changer ne reverrouille que la clé de la clinique, pas les dossiers.</translation>
    </message>
    <message>
        <source>Reading the clinic key...</source>
        <translation>Lecture de la clé de la clinique…</translation>
    </message>
    <message>
        <source>No clinic passphrase is set up on this computer: every case has a passphrase of its own. Set one up to create cases under it.</source>
        <translation>Aucune phrase secrète de clinique n’est configurée sur cet ordinateur : chaque dossier a sa propre phrase secrète. Configurez-en une pour créer des dossiers sous elle.</translation>
    </message>
    <message>
        <source>A clinic passphrase is set up (since %1).</source>
        <translation>Une phrase secrète de clinique est configurée (depuis le %1).</translation>
    </message>
    <message numerus="yes">
        <source>It opens %n case(s).</source>
        <translation>
            <numerusform>Elle ouvre %n dossier.</numerusform>
            <numerusform>Elle ouvre %n dossiers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) have only a passphrase of their own.</source>
        <translation>
            <numerusform>%n dossier n’a que sa propre phrase secrète.</numerusform>
            <numerusform>%n dossiers n’ont que leur propre phrase secrète.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the clinic passphrase</source>
        <translation>Changer la phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>Set up the clinic passphrase</source>
        <translation>Configurer la phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
    <message>
        <source>Changing the clinic passphrase...</source>
        <translation>Changement de la phrase secrète de la clinique…</translation>
    </message>
    <message>
        <source>Setting up the clinic passphrase...</source>
        <translation>Configuration de la phrase secrète de la clinique…</translation>
    </message>
    <message>
        <source>The clinic passphrase was changed. The cases under it open with the new one.</source>
        <translation>La phrase secrète de la clinique a été changée. Les dossiers sous elle s’ouvrent avec la nouvelle.</translation>
    </message>
    <message>
        <source>The clinic passphrase is set up. New cases can now be created under it.</source>
        <translation>La phrase secrète de la clinique est configurée. De nouveaux dossiers peuvent maintenant être créés sous elle.</translation>
    </message>
    <message>
        <source>That is not the current clinic passphrase. Nothing was changed; try again.</source>
        <translation>Ce n’est pas la phrase secrète actuelle de la clinique. Rien n’a été changé ; réessayez.</translation>
    </message>
</context>
<context>
    <name>ClinicScreen</name>
    <message>
        <source>Clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>For clinics and helplines that act for several clients on this computer: each client is a case with its own key. Open a client&apos;s case to see its log, hand it over, or give the client a report.</source>
        <translation>Pour les cliniques juridiques et les permanences qui agissent pour plusieurs clients sur cet ordinateur : chaque client est un dossier avec sa propre clé. Ouvrez le dossier d&apos;un client pour voir son journal, le transmettre ou remettre un rapport au client.</translation>
    </message>
    <message>
        <source>No clinic tools are installed.</source>
        <translation>Aucun outil de clinique n&apos;est installé.</translation>
    </message>
</context>
</TS>
