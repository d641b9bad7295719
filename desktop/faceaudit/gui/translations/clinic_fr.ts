<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Every action on the case, with its time and caseworker. The log holds no photos, faces or client&apos;s name; each entry is chained to the one before, so a change made to the file outside FaceAudit is found.</source>
        <translation>Chaque action sur le dossier, avec son heure et son intervenant. Le journal ne contient ni photo, ni visage, ni nom du client ; chaque entrée est chaînée à la précédente, si bien qu&apos;une modification du fichier faite hors de FaceAudit est détectée.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Export as CSV...</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Open a case to see its audit log.</source>
        <translation>Ouvrez un dossier pour voir son journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n entry(ies) to %1.</source>
        <translation>
            <numerusform>%n entrée enregistrée dans %1.</numerusform>
            <numerusform>%n entrées enregistrées dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Case created</source>
        <translation>Dossier créé</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Dossier ouvert</translation>
    </message>
    <message>
        <source>Person&apos;s details changed</source>
        <translation>Coordonnées de la personne modifiées</translation>
    </message>
    <message>
        <source>Case settings changed</source>
        <translation>Réglages du dossier modifiés</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase secrète changée</translation>
    </message>
    <message>
        <source>Reference photo added</source>
        <translation>Photo de référence ajoutée</translation>
    </message>
    <message>
        <source>Reference photo removed</source>
        <translation>Photo de référence retirée</translation>
    </message>
    <message>
        <source>Source added</source>
        <translation>Source ajoutée</translation>
    </message>
    <message>
        <source>Source removed</source>
        <translation>Source retirée</translation>
    </message>
    <message>
        <source>Scan started</source>
        <translation>Analyse lancée</translation>
    </message>
    <message>
        <source>Scan resumed</source>
        <translation>Analyse reprise</translation>
    </message>
    <message>
        <source>Scan finished</source>
        <translation>Analyse terminée</translation>
    </message>
    <message>
        <source>Findings reviewed</source>
        <translation>Résultats vérifiés</translation>
    </message>
    <message>
        <source>Face cache cleared</source>
        <translation>Cache des visages vidé</translation>
    </message>
    <message>
        <source>Letter drafted</source>
        <translation>Lettre rédigée</translation>
    </message>
    <message>
        <source>Letter files written</source>
        <translation>Fichiers de la lettre écrits</translation>
    </message>
    <message>
        <source>Draft letter discarded</source>
        <translation>Brouillon de lettre supprimé</translation>
    </message>
    <message>
        <source>Operator&apos;s reply kept</source>
        <translation>Réponse du responsable conservée</translation>
    </message>
    <message>
        <source>Request updated</source>
        <translation>Demande mise à jour</translation>
    </message>
    <message>
        <source>Case exported (hand-off)</source>
        <translation>Dossier exporté (transmission)</translation>
    </message>
    <message>
        <source>Case imported (hand-off)</source>
        <translation>Dossier importé (transmission)</translation>
    </message>
    <message>
        <source>Client&apos;s consent recorded</source>
        <translation>Consentement du client enregistré</translation>
    </message>
    <message>
        <source>Report made</source>
        <translation>Rapport établi</translation>
    </message>
    <message>
        <source>Promised erasure re-checked</source>
        <translation>Effacement promis revérifié</translation>
    </message>
    <message>
        <source>Mandate recorded</source>
        <translation>Mandat enregistré</translation>
    </message>
    <message>
        <source>Page captured in the browser</source>
        <translation>Page capturée dans le navigateur</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>Dossier clos</translation>
    </message>
    <message>
        <source>Case reopened</source>
        <translation>Dossier rouvert</translation>
    </message>
    <message>
        <source>Retention changed</source>
        <translation>Durée de conservation modifiée</translation>
    </message>
    <message>
        <source>Break in the log found</source>
        <translation>Rupture du journal constatée</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entry(ies), each chained to the one before.</source>
        <translation>
            <numerusform>Le journal d&apos;audit est intact : %n entrée, chaînée à la précédente.</numerusform>
            <numerusform>Le journal d&apos;audit est intact : %n entrées, chacune chaînée à la précédente.</numerusform>
        </translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written</source>
        <translation>l&apos;entrée %1 a été modifiée après son écriture</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing (deleted from the file)</source>
        <translation>les entrées %1 à %2 manquent (supprimées du fichier)</translation>
    </message>
    <message>
        <source>entry %1 does not follow the entry before it (reordered or inserted)</source>
        <translation>l&apos;entrée %1 ne suit pas l&apos;entrée précédente (entrées réordonnées ou insérées)</translation>
    </message>
    <message>
        <source>entries %1 to %2 were cut from the end of the log</source>
        <translation>les entrées %1 à %2 ont été retirées de la fin du journal</translation>
    </message>
    <message>
        <source>the record of its newest entry is missing</source>
        <translation>la trace de sa dernière entrée manque</translation>
    </message>
    <message>
        <source>the record of its newest entry was changed</source>
        <translation>la trace de sa dernière entrée a été modifiée</translation>
    </message>
    <message>
        <source>The audit log is broken at entry %1: %2. Entries from there on cannot be vouched for; restore the case from a backup if the change was not yours.</source>
        <translation>Le journal d&apos;audit est rompu à l&apos;entrée %1 : %2. Les entrées à partir de là ne sont plus garanties ; restaurez le dossier depuis une sauvegarde si la modification ne vient pas de vous.</translation>
    </message>
</context>
<context>
    <name>CasePassphrasePanel</name>
    <message>
        <source>Case passphrase</source>
        <translation>Phrase secrète du dossier</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>New passphrase of the case</source>
        <translation>Nouvelle phrase secrète du dossier</translation>
    </message>
    <message>
        <source>New passphrase of the case again</source>
        <translation>Nouvelle phrase secrète du dossier, à nouveau</translation>
    </message>
    <message>
        <source>Change the case&apos;s passphrase</source>
        <translation>Changer la phrase secrète du dossier</translation>
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
        <source>Give the open case a passphrase of its own, or change it. For a case under the clinic passphrase, the current passphrase can be the clinic&apos;s: the case then opens with either, and can be handed to the client with its own. Only the case&apos;s key file changes.</source>
        <translation>Donnez au dossier ouvert sa propre phrase secrète, ou changez-la. Pour un dossier sous la phrase secrète de la clinique, la phrase actuelle peut être celle de la clinique : le dossier s’ouvre alors avec l’une ou l’autre, et peut être remis au client avec la sienne. Seul le fichier de clé du dossier change.</translation>
    </message>
    <message>
        <source>Open a case to change its passphrase or give a clinic case one of its own.</source>
        <translation>Ouvrez un dossier pour changer sa phrase secrète ou donner sa propre phrase à un dossier de la clinique.</translation>
    </message>
    <message>
        <source>The case %1 opens only with the clinic passphrase.</source>
        <translation>Le dossier %1 ne s’ouvre qu’avec la phrase secrète de la clinique.</translation>
    </message>
    <message>
        <source>The case %1 opens with its own passphrase.</source>
        <translation>Le dossier %1 s’ouvre avec sa propre phrase secrète.</translation>
    </message>
    <message>
        <source>The case %1 opens with its own passphrase and the clinic passphrase.</source>
        <translation>Le dossier %1 s’ouvre avec sa propre phrase secrète et avec celle de la clinique.</translation>
    </message>
    <message>
        <source>Give the case its own passphrase</source>
        <translation>Donner au dossier sa propre phrase secrète</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
    <message>
        <source>Changing the case&apos;s passphrase...</source>
        <translation>Changement de la phrase secrète du dossier…</translation>
    </message>
    <message>
        <source>The case %1 now opens with its new passphrase and the clinic passphrase.</source>
        <translation>Le dossier %1 s’ouvre désormais avec sa nouvelle phrase secrète et avec celle de la clinique.</translation>
    </message>
    <message>
        <source>The case %1 now opens with its new passphrase.</source>
        <translation>Le dossier %1 s’ouvre désormais avec sa nouvelle phrase secrète.</translation>
    </message>
    <message>
        <source>That passphrase does not open this case. Nothing was changed; try again.</source>
        <translation>Cette phrase secrète n’ouvre pas ce dossier. Rien n’a été changé ; réessayez.</translation>
    </message>
</context>
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
<context>
    <name>ErasureWords</name>
    <message>
        <source>Erased in part (%1)</source>
        <translation>Effacées en partie (%1)</translation>
    </message>
    <message>
        <source>Erased (%1)</source>
        <translation>Effacées (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Erasure verified: %n photo(s) gone</source>
        <translation>
            <numerusform>Effacement vérifié&#xa0;: %n photo disparue</numerusform>
            <numerusform>Effacement vérifié&#xa0;: %n photos disparues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still online: %n photo(s) seen again</source>
        <translation>
            <numerusform>Toujours en ligne&#xa0;: %n photo revue</numerusform>
            <numerusform>Toujours en ligne&#xa0;: %n photos revues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) gone, the others not checked yet</source>
        <translation>
            <numerusform>%n photo disparue, les autres pas encore revérifiées</numerusform>
            <numerusform>%n photos disparues, les autres pas encore revérifiées</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked since the answer</source>
        <translation>Pas revérifié depuis la réponse</translation>
    </message>
    <message>
        <source>No photo of the case to check</source>
        <translation>Aucune photo du dossier à vérifier</translation>
    </message>
</context>
<context>
    <name>HandoffPanel</name>
    <message>
        <source>Hand-off</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <source>Hand the open case to another clinic</source>
        <translation>Transmettre le dossier ouvert à une autre clinique</translation>
    </message>
    <message>
        <source>To the receiving clinic&apos;s public &amp;key</source>
        <translation>Avec la &amp;clé publique de la clinique destinataire</translation>
    </message>
    <message>
        <source>To an export &amp;passphrase</source>
        <translation>Avec une &amp;phrase secrète d&apos;export</translation>
    </message>
    <message>
        <source>Public keys of the receiving clinic</source>
        <translation>Clés publiques de la clinique destinataire</translation>
    </message>
    <message>
        <source>Export passphrase</source>
        <translation>Phrase secrète d&apos;export</translation>
    </message>
    <message>
        <source>Export passphrase again</source>
        <translation>Phrase secrète d&apos;export, à nouveau</translation>
    </message>
    <message>
        <source>The client agreed to this hand-off</source>
        <translation>Le client a accepté cette transmission</translation>
    </message>
    <message>
        <source>How and when the client agreed</source>
        <translation>Comment et quand le client a accepté</translation>
    </message>
    <message>
        <source>e.g. signed form, 2 December 2026</source>
        <translation>p. ex. formulaire signé, 2 décembre 2026</translation>
    </message>
    <message>
        <source>&amp;Export the case…</source>
        <translation>&amp;Exporter le dossier…</translation>
    </message>
    <message>
        <source>Public keys (one per line):</source>
        <translation>Clés publiques (une par ligne) :</translation>
    </message>
    <message>
        <source>Export passphrase:</source>
        <translation>Phrase secrète d&apos;export :</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Répétez-la :</translation>
    </message>
    <message>
        <source>How and when:</source>
        <translation>Comment et quand :</translation>
    </message>
    <message>
        <source>One encrypted file holds the whole case, signed by this clinic. Only the receiving clinic&apos;s key (or the export passphrase) opens it, and the case passphrase is still needed there: give it by another way than the file. The client&apos;s consent is recorded in the case&apos;s log first.</source>
        <translation>Un seul fichier chiffré contient tout le dossier, signé par cette clinique. Seule la clé de la clinique destinataire (ou la phrase secrète d&apos;export) l&apos;ouvre, et la phrase secrète du dossier reste nécessaire là-bas : transmettez-la par un autre moyen que le fichier. Le consentement du client est d&apos;abord inscrit au journal du dossier.</translation>
    </message>
    <message>
        <source>Import a case another clinic sent</source>
        <translation>Importer un dossier envoyé par une autre clinique</translation>
    </message>
    <message>
        <source>Hand-off file</source>
        <translation>Fichier de transmission</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Export passphrase of the file</source>
        <translation>Phrase secrète d&apos;export du fichier</translation>
    </message>
    <message>
        <source>only for a file protected by a passphrase</source>
        <translation>seulement pour un fichier protégé par une phrase secrète</translation>
    </message>
    <message>
        <source>The case&apos;s passphrase</source>
        <translation>La phrase secrète du dossier</translation>
    </message>
    <message>
        <source>Name of the imported case</source>
        <translation>Nom du dossier importé</translation>
    </message>
    <message>
        <source>the sender&apos;s name for it</source>
        <translation>le nom donné par l&apos;expéditeur</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Case passphrase:</source>
        <translation>Phrase secrète du dossier :</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>Importer sous le nom :</translation>
    </message>
    <message>
        <source>Everything is checked before anything is written: a wrong key, a damaged or altered file imports nothing. A file encrypted to this clinic opens with its own key; compare the signer&apos;s fingerprint with the sender.</source>
        <translation>Tout est vérifié avant que rien ne soit écrit : avec une mauvaise clé, un fichier abîmé ou modifié, rien n&apos;est importé. Un fichier chiffré pour cette clinique s&apos;ouvre avec sa propre clé ; comparez l&apos;empreinte du signataire avec l&apos;expéditeur.</translation>
    </message>
    <message>
        <source>Open a client&apos;s case to hand it over.</source>
        <translation>Ouvrez le dossier d&apos;un client pour le transmettre.</translation>
    </message>
    <message>
        <source>The open case: %1</source>
        <translation>Le dossier ouvert : %1</translation>
    </message>
    <message>
        <source>Paste the receiving clinic&apos;s public key (age1…).</source>
        <translation>Collez la clé publique de la clinique destinataire (age1…).</translation>
    </message>
    <message>
        <source>The export passphrase needs at least %1 characters.</source>
        <translation>La phrase secrète d&apos;export doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two export passphrases differ.</source>
        <translation>Les deux phrases secrètes d&apos;export diffèrent.</translation>
    </message>
    <message>
        <source>Record the client&apos;s consent: tick the box and say how and when.</source>
        <translation>Inscrivez le consentement du client : cochez la case et indiquez comment et quand.</translation>
    </message>
    <message>
        <source>Save the hand-off file</source>
        <translation>Enregistrer le fichier de transmission</translation>
    </message>
    <message>
        <source>Exporting the case…</source>
        <translation>Export du dossier…</translation>
    </message>
    <message>
        <source>Exported to %1 (%2 bytes), signed by this clinic&apos;s key %3. Give the case passphrase to the receiving clinic by another way than the file.</source>
        <translation>Exporté vers %1 (%2 octets), signé par la clé de cette clinique %3. Transmettez la phrase secrète du dossier à la clinique destinataire par un autre moyen que le fichier.</translation>
    </message>
    <message>
        <source>Choose the hand-off file</source>
        <translation>Choisir le fichier de transmission</translation>
    </message>
    <message>
        <source>This file is protected by an export passphrase: type the one the sender chose.</source>
        <translation>Ce fichier est protégé par une phrase secrète d&apos;export : saisissez celle choisie par l&apos;expéditeur.</translation>
    </message>
    <message>
        <source>This file is encrypted to a clinic&apos;s key, and this computer has no clinic key: it was meant for another clinic, or for a key kept elsewhere.</source>
        <translation>Ce fichier est chiffré pour la clé d&apos;une clinique, et cet ordinateur n&apos;a pas de clé de clinique : il était destiné à une autre clinique, ou à une clé conservée ailleurs.</translation>
    </message>
    <message>
        <source>Checking and importing the file…</source>
        <translation>Vérification et import du fichier…</translation>
    </message>
    <message>
        <source>a key this clinic trusts</source>
        <translation>une clé en laquelle cette clinique a confiance</translation>
    </message>
    <message>
        <source>a key not confirmed yet: compare its fingerprint with the sender by phone or in person</source>
        <translation>une clé pas encore confirmée : comparez son empreinte avec l&apos;expéditeur par téléphone ou en personne</translation>
    </message>
    <message>
        <source>Imported as %1, sent by %2, signed by %3 (%4). Open it from Cases.</source>
        <translation>Importé sous le nom %1, envoyé par %2, signé par %3 (%4). Ouvrez-le depuis Dossiers.</translation>
    </message>
    <message>
        <source>an unnamed clinic</source>
        <translation>une clinique sans nom</translation>
    </message>
</context>
<context>
    <name>MandatePanel</name>
    <message>
        <source>Mandate</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>La clinique</translation>
    </message>
    <message>
        <source>A not-for-profit body under GDPR Art. 80(1) (mandates cite Art. 80(1))</source>
        <translation>Organisme à but non lucratif au sens de l&apos;article 80, paragraphe 1, du RGPD (les mandats citent cet article)</translation>
    </message>
    <message>
        <source>Save the clinic&apos;s details</source>
        <translation>Enregistrer les coordonnées de la clinique</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Adresse postale :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The clinic&apos;s own details, kept on this computer for every case: the mandate and the letters sent on a client&apos;s behalf print them, and operators answer to this address. Art. 80(1) is only for a body properly constituted, not for profit, with statutory objectives in the public interest and active in data protection.</source>
        <translation>Les coordonnées de la clinique elle-même, conservées sur cet ordinateur pour tous les dossiers : le mandat et les lettres envoyées au nom d&apos;une personne les reprennent, et les opérateurs répondent à cette adresse. L&apos;article 80, paragraphe 1, ne vaut que pour un organisme valablement constitué, à but non lucratif, dont les objectifs statutaires sont d&apos;intérêt public et qui est actif dans la protection des données.</translation>
    </message>
    <message>
        <source>The client&apos;s mandate</source>
        <translation>Le mandat de la personne</translation>
    </message>
    <message>
        <source>Open a client&apos;s case to draft or record its mandate.</source>
        <translation>Ouvrez le dossier d&apos;une personne pour rédiger ou enregistrer son mandat.</translation>
    </message>
    <message>
        <source>The client&apos;s language</source>
        <translation>La langue de la personne</translation>
    </message>
    <message>
        <source>Draft the mandate…</source>
        <translation>Rédiger le mandat…</translation>
    </message>
    <message>
        <source>Choose the signed copy…</source>
        <translation>Choisir la copie signée…</translation>
    </message>
    <message>
        <source>No signed copy chosen (optional).</source>
        <translation>Aucune copie signée choisie (facultatif).</translation>
    </message>
    <message>
        <source>Record as signed</source>
        <translation>Enregistrer comme signé</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Signé le :</translation>
    </message>
    <message>
        <source>No clinic profile is set yet.</source>
        <translation>Les coordonnées de la clinique ne sont pas encore renseignées.</translation>
    </message>
    <message>
        <source>The clinic&apos;s details were saved.</source>
        <translation>Les coordonnées de la clinique ont été enregistrées.</translation>
    </message>
    <message>
        <source>No mandate is recorded: the case&apos;s letters are the client&apos;s own.</source>
        <translation>Aucun mandat n&apos;est enregistré : les lettres du dossier sont celles de la personne elle-même.</translation>
    </message>
    <message>
        <source>Art. 80(1) mandate</source>
        <translation>Mandat (article 80, paragraphe 1, du RGPD)</translation>
    </message>
    <message>
        <source>Authorisation</source>
        <translation>Autorisation</translation>
    </message>
    <message>
        <source>%1 signed on %2 for %3: the case&apos;s letters are sent by the clinic on the client&apos;s behalf.</source>
        <translation>%1 signé(e) le %2 pour %3 : les lettres du dossier sont envoyées par la clinique au nom de la personne.</translation>
    </message>
    <message>
        <source>Save the mandate</source>
        <translation>Enregistrer le mandat</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;Word documents (*.docx);;Text files (*.txt)</source>
        <translation>Fichiers PDF (*.pdf);;Documents Word (*.docx);;Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>Drafting the mandate…</source>
        <translation>Rédaction du mandat…</translation>
    </message>
    <message>
        <source>The mandate was written to %1: have the client sign it, then record it.</source>
        <translation>Le mandat a été écrit dans %1 : faites-le signer par la personne, puis enregistrez-le.</translation>
    </message>
    <message>
        <source>The signed mandate</source>
        <translation>Le mandat signé</translation>
    </message>
    <message>
        <source>Scans and PDF files (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Numérisations et fichiers PDF (*.pdf *.jpg *.jpeg *.png);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Signed copy: %1 (kept in the case, encrypted)</source>
        <translation>Copie signée : %1 (conservée dans le dossier, chiffrée)</translation>
    </message>
    <message>
        <source>Recording the mandate…</source>
        <translation>Enregistrement du mandat…</translation>
    </message>
    <message>
        <source>The mandate was recorded.</source>
        <translation>Le mandat a été enregistré.</translation>
    </message>
    <message>
        <source>Revoke the mandate</source>
        <translation>Révoquer le mandat</translation>
    </message>
    <message>
        <source>The client revoked the mandate today? The case&apos;s letters will be the client&apos;s own again.</source>
        <translation>La personne a révoqué le mandat aujourd&apos;hui ? Les lettres du dossier redeviendront les siennes.</translation>
    </message>
    <message>
        <source>Revoking the mandate…</source>
        <translation>Révocation du mandat…</translation>
    </message>
    <message>
        <source>The mandate was revoked.</source>
        <translation>Le mandat a été révoqué.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Open a client&apos;s case to make its report.</source>
        <translation>Ouvrez le dossier d&apos;un client pour établir son rapport.</translation>
    </message>
    <message>
        <source>Exposure report</source>
        <translation>Rapport d&apos;exposition</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML (one file, opens in a web browser)</source>
        <translation>HTML (un seul fichier, s&apos;ouvre dans un navigateur)</translation>
    </message>
    <message>
        <source>The case&apos;s language</source>
        <translation>La langue du dossier</translation>
    </message>
    <message>
        <source>Make the report…</source>
        <translation>Établir le rapport…</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>Ouvrir le rapport</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A PDF or HTML file the client can keep: the scan dates, the sources checked and those that could not be, the confirmed appearances with their thumbnails, the letters sent with their deadlines, what changed since the previous report, and what to do next. It shows the client&apos;s face: it is written readable by you only; hand it over privately.</source>
        <translation>Un fichier PDF ou HTML que le client peut garder&#xa0;: les dates des analyses, les sources vérifiées et celles qui n&apos;ont pas pu l&apos;être, les apparitions confirmées avec leurs vignettes, les lettres envoyées avec leurs délais, ce qui a changé depuis le rapport précédent, et que faire ensuite. Il montre le visage du client&#xa0;: il est enregistré lisible par vous seul&#xa0;; remettez-le en main propre ou par un moyen sûr.</translation>
    </message>
    <message>
        <source>Promised erasures</source>
        <translation>Effacements promis</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Re-check the pages</source>
        <translation>Revérifier les pages</translation>
    </message>
    <message>
        <source>No operator has answered that it erased the data yet. Record an answer (complied, or in part) on an erasure request in Letters &amp; requests.</source>
        <translation>Aucun responsable n&apos;a encore répondu avoir effacé les données. Enregistrez une réponse (satisfaite, ou en partie) sur une demande d&apos;effacement dans Lettres et demandes.</translation>
    </message>
    <message>
        <source>When an operator answers that it erased the client&apos;s photos, re-check: FaceAudit reads those pages again and says which photos are gone and which are still online. An ordinary scan updates this too.</source>
        <translation>Quand un responsable répond avoir effacé les photos du client, revérifiez&#xa0;: FaceAudit relit ces pages et dit quelles photos ont disparu et lesquelles sont toujours en ligne. Une analyse ordinaire met aussi ce contrôle à jour.</translation>
    </message>
    <message>
        <source>FA-%1: %2</source>
        <translation>FA-%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Pages web (*.html)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Rapport en cours…</translation>
    </message>
    <message>
        <source>The report was written to %1. It shows the client&apos;s face: keep it private.</source>
        <translation>Le rapport a été enregistré dans %1. Il montre le visage du client&#xa0;: gardez-le confidentiel.</translation>
    </message>
    <message>
        <source>No program opened the report: open %1 yourself.</source>
        <translation>Aucun programme n&apos;a ouvert le rapport&#xa0;: ouvrez %1 vous-même.</translation>
    </message>
    <message>
        <source>Reading the pages of FA-%1 again…</source>
        <translation>Relecture des pages de FA-%1…</translation>
    </message>
    <message>
        <source>The re-check was stopped before the end; what it read is kept.</source>
        <translation>La revérification a été arrêtée avant la fin&#xa0;; ce qu&apos;elle a lu est gardé.</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Clore le dossier</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>Rouvrir le dossier</translation>
    </message>
    <message>
        <source>The open case</source>
        <translation>Le dossier ouvert</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos le</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Delete from</source>
        <translation>À supprimer dès le</translation>
    </message>
    <message>
        <source>Delete the selected case for good...</source>
        <translation>Supprimer définitivement le dossier choisi…</translation>
    </message>
    <message>
        <source>Closed cases due for deletion</source>
        <translation>Dossiers clos à supprimer</translation>
    </message>
    <message>
        <source>Closed cases past their retention period. Deleting destroys the case&apos;s key and files, its letters and temporary copies, and keeps a receipt without personal data.</source>
        <translation>Dossiers clos dont la durée de conservation est passée. La suppression détruit la clé et les fichiers du dossier, ses lettres et ses copies temporaires, et garde un reçu sans données personnelles.</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Identifiant du dossier</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Destruction receipts</source>
        <translation>Reçus de destruction</translation>
    </message>
    <message>
        <source>Open a case to close it or to change its retention.</source>
        <translation>Ouvrez un dossier pour le clore ou changer sa durée de conservation.</translation>
    </message>
    <message>
        <source>%1 was closed on %2.</source>
        <translation>%1 a été clos le %2.</translation>
    </message>
    <message>
        <source>%1 is open.</source>
        <translation>%1 est ouvert.</translation>
    </message>
    <message>
        <source>The case is closed.</source>
        <translation>Le dossier est clos.</translation>
    </message>
    <message>
        <source>The case is open again.</source>
        <translation>Le dossier est rouvert.</translation>
    </message>
    <message>
        <source>Choose a case in the list first.</source>
        <translation>Choisissez d&apos;abord un dossier dans la liste.</translation>
    </message>
    <message>
        <source>Delete the case %1 for good? Its key is destroyed first: its photos, findings and letters cannot be recovered, even with the passphrase.</source>
        <translation>Supprimer définitivement le dossier %1 ? Sa clé est détruite d&apos;abord : ses photos, résultats et lettres ne pourront plus être récupérés, même avec la phrase secrète.</translation>
    </message>
    <message>
        <source>Delete the case</source>
        <translation>Supprimer le dossier</translation>
    </message>
    <message>
        <source>The case %1 was deleted; a receipt was kept.</source>
        <translation>Le dossier %1 a été supprimé ; un reçu a été gardé.</translation>
    </message>
</context>
</TS>
