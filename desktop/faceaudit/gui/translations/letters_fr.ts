<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DetailsBox</name>
    <message>
        <source>The selected request</source>
        <translation>La demande sélectionnée</translation>
    </message>
    <message>
        <source>The operator&apos;s replies kept in the case</source>
        <translation>Les réponses de l&apos;opérateur conservées dans le dossier</translation>
    </message>
    <message>
        <source>Sa&amp;ve the replies…</source>
        <translation>En&amp;registrer les réponses…</translation>
    </message>
    <message>
        <source>Replies kept:</source>
        <translation>Réponses conservées :</translation>
    </message>
    <message>
        <source>Select a letter to see its dates.</source>
        <translation>Sélectionnez une lettre pour voir ses dates.</translation>
    </message>
    <message>
        <source>%1 (%2, added %3)</source>
        <translation>%1 (%2, ajoutée le %3)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>A draft: not marked sent yet.</source>
        <translation>Un brouillon : pas encore marqué comme envoyé.</translation>
    </message>
    <message>
        <source>Sent on %1 (%2).</source>
        <translation>Envoyée le %1 (%2).</translation>
    </message>
    <message>
        <source>Received by the operator on %1.</source>
        <translation>Reçue par l&apos;opérateur le %1.</translation>
    </message>
    <message>
        <source>Answer due by %1.</source>
        <translation>Réponse attendue au plus tard le %1.</translation>
    </message>
    <message>
        <source>An extension to %1, announced on %2 after the period had ended, is on record: it does not count.</source>
        <translation>Une prolongation jusqu&apos;au %1, annoncée le %2 après la fin du délai, est enregistrée : elle ne compte pas.</translation>
    </message>
    <message>
        <source>Extended by the operator to %1 (announced on %2).</source>
        <translation>Prolongée par l&apos;opérateur jusqu&apos;au %1 (annoncée le %2).</translation>
    </message>
    <message>
        <source>Clock paused since %1: the organisation waits for ID or clarification.</source>
        <translation>Délai suspendu depuis le %1 : l&apos;organisme attend une pièce d&apos;identité ou une précision.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) paused so far.</source>
        <translation>
            <numerusform>%n jour de suspension jusqu&apos;ici.</numerusform>
            <numerusform>%n jours de suspension jusqu&apos;ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answered on %1.</source>
        <translation>Réponse reçue le %1.</translation>
    </message>
    <message>
        <source>Answered on %1: %2.</source>
        <translation>Réponse reçue le %1 : %2.</translation>
    </message>
    <message>
        <source>Closed on %1.</source>
        <translation>Close le %1.</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notes : %1</translation>
    </message>
</context>
<context>
    <name>DraftPanel</name>
    <message>
        <source>&amp;Preview the letter</source>
        <translation>&amp;Prévisualiser la lettre</translation>
    </message>
    <message>
        <source>Preview the letter</source>
        <translation>Prévisualiser la lettre</translation>
    </message>
    <message>
        <source>Preview of the letter</source>
        <translation>Aperçu de la lettre</translation>
    </message>
    <message>
        <source>Choose a site, then preview the letter.</source>
        <translation>Choisissez un site, puis prévisualisez la lettre.</translation>
    </message>
    <message>
        <source>3. Preview</source>
        <translation>3. Aperçu</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;DOCX…</source>
        <translation>Enregistrer en &amp;DOCX…</translation>
    </message>
    <message>
        <source>Save as te&amp;xt…</source>
        <translation>Enregistrer en te&amp;xte…</translation>
    </message>
    <message>
        <source>&amp;E-mail draft…</source>
        <translation>&amp;Brouillon d&apos;e-mail…</translation>
    </message>
    <message>
        <source>Save an e-mail draft (.eml) with the annex and open it in your mail program</source>
        <translation>Enregistrer un brouillon d&apos;e-mail (.eml) avec l&apos;annexe et l&apos;ouvrir dans votre messagerie</translation>
    </message>
    <message>
        <source>Open in mail &amp;program (text only)</source>
        <translation>Ouvrir dans la &amp;messagerie (texte seul)</translation>
    </message>
    <message>
        <source>A mailto: link carries the text but no attachment: attach the annex yourself</source>
        <translation>Un lien mailto: transmet le texte mais aucune pièce jointe : joignez l&apos;annexe vous-même</translation>
    </message>
    <message>
        <source>4. Save or send</source>
        <translation>4. Enregistrer ou envoyer</translation>
    </message>
    <message>
        <source>Your choices changed: preview the letter again.</source>
        <translation>Vos choix ont changé : prévisualisez à nouveau la lettre.</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <source>Law: %1</source>
        <translation>Loi : %1</translation>
    </message>
    <message>
        <source>Answer due %1 if received today.</source>
        <translation>Réponse attendue au plus tard le %1 si la lettre est reçue aujourd&apos;hui.</translation>
    </message>
    <message numerus="yes">
        <source>The letter cites %n image(s)</source>
        <translation>
            <numerusform>La lettre cite %n image</numerusform>
            <numerusform>La lettre cite %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, seen in %n place(s)</source>
        <translation>
            <numerusform>, vue à %n endroit</numerusform>
            <numerusform>, vues à %n endroits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It includes %n finding(s) you have not reviewed.</source>
        <translation>
            <numerusform>Elle inclut %n résultat que vous n&apos;avez pas vérifié.</numerusform>
            <numerusform>Elle inclut %n résultats que vous n&apos;avez pas vérifiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreviewed finding(s) on its sites are not cited: confirm them in Findings, or tick “Also cite the findings I have not reviewed yet”.</source>
        <translation>
            <numerusform>%n résultat non vérifié sur ses sites n&apos;est pas cité : confirmez-le dans Résultats, ou cochez « Citer aussi les résultats que je n&apos;ai pas encore vérifiés ».</numerusform>
            <numerusform>%n résultats non vérifiés sur ses sites ne sont pas cités : confirmez-les dans Résultats, ou cochez « Citer aussi les résultats que je n&apos;ai pas encore vérifiés ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Several authorities fit: choose the one where you live, then preview.</source>
        <translation>Plusieurs autorités conviennent : choisissez celle du pays où vous vivez, puis prévisualisez.</translation>
    </message>
    <message>
        <source>An objection needs your own reasons: the law asks for grounds relating to your particular situation. Write them in “Reasons”.</source>
        <translation>Une opposition doit donner vos propres raisons : la loi demande des motifs tenant à votre situation particulière. Écrivez-les dans « Raisons ».</translation>
    </message>
    <message>
        <source>This letter would name no image, so the operator could not tell which data you mean. Confirm your findings on this site first, or tick “Also cite the findings I have not reviewed yet”.</source>
        <translation>Cette lettre ne citerait aucune image : l&apos;opérateur ne saurait pas de quelles données vous parlez. Confirmez d&apos;abord vos résultats sur ce site, ou cochez « Citer aussi les résultats que je n&apos;ai pas encore vérifiés ».</translation>
    </message>
    <message>
        <source>Give the operator&apos;s name and its postal address or privacy e-mail address.</source>
        <translation>Indiquez le nom de l&apos;opérateur et son adresse postale ou son adresse e-mail dédiée à la vie privée.</translation>
    </message>
    <message>
        <source>Your name and postal address are needed for the letter: add them to the case (Cases).</source>
        <translation>La lettre a besoin de votre nom et de votre adresse postale : ajoutez-les au dossier (Dossiers).</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>Fichier texte (*.txt)</translation>
    </message>
    <message>
        <source>E-mail draft (*.eml)</source>
        <translation>Brouillon d&apos;e-mail (*.eml)</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Enregistrer la lettre</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Écriture…</translation>
    </message>
    <message>
        <source>Letter FA-%1 saved to %2.</source>
        <translation>Lettre FA-%1 enregistrée dans %2.</translation>
    </message>
    <message>
        <source>No mail program opened it: open the file yourself.</source>
        <translation>Aucune messagerie ne l&apos;a ouvert : ouvrez le fichier vous-même.</translation>
    </message>
    <message>
        <source>When you have sent it, mark it sent below.</source>
        <translation>Quand vous l&apos;aurez envoyée, indiquez-le ci-dessous.</translation>
    </message>
    <message>
        <source>The letter could not be written there (the folder may be read-only or full); nothing was recorded. Choose another folder.

%1</source>
        <translation>La lettre n&apos;a pas pu être écrite à cet endroit (le dossier est peut-être en lecture seule ou plein) ; rien n&apos;a été enregistré. Choisissez un autre dossier.

%1</translation>
    </message>
    <message>
        <source>That date is in the future: mark the letter sent once it has gone.</source>
        <translation>Cette date est dans le futur : indiquez la lettre comme envoyée une fois qu&apos;elle est partie.</translation>
    </message>
    <message>
        <source>Marked sent. The answer is due by %1.</source>
        <translation>Envoi enregistré. La réponse est attendue au plus tard le %1.</translation>
    </message>
</context>
<context>
    <name>DueNotice</name>
    <message numerus="yes">
        <source>%n request(s) overdue</source>
        <translation>
            <numerusform>%n demande en retard</numerusform>
            <numerusform>%n demandes en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) due within a week</source>
        <translation>
            <numerusform>%n demande à échéance dans la semaine</numerusform>
            <numerusform>%n demandes à échéance dans la semaine</numerusform>
        </translation>
    </message>
    <message>
        <source>FA-%1 to %2 (case %3)</source>
        <translation>FA-%1 à %2 (dossier %3)</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> et %n autre</numerusform>
            <numerusform> et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests: %1 — %2. See Letters &amp; requests.</source>
        <translation>Demandes : %1 — %2. Voir Lettres et demandes.</translation>
    </message>
</context>
<context>
    <name>LetterWords</name>
    <message>
        <source>Access (a copy of your data)</source>
        <translation>Accès (une copie de vos données)</translation>
    </message>
    <message>
        <source>Erasure (delete your images)</source>
        <translation>Effacement (supprimer vos images)</translation>
    </message>
    <message>
        <source>Objection (stop using them)</source>
        <translation>Opposition (cesser de les utiliser)</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>Complaint to the authority</source>
        <translation>Plainte auprès de l&apos;autorité</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Opposition</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Plainte</translation>
    </message>
    <message>
        <source>the EU GDPR</source>
        <translation>le RGPD de l&apos;UE</translation>
    </message>
    <message>
        <source>the UK GDPR</source>
        <translation>le RGPD du Royaume-Uni</translation>
    </message>
    <message>
        <source>the Swiss FADP</source>
        <translation>la LPD suisse</translation>
    </message>
    <message>
        <source>the California CCPA/CPRA</source>
        <translation>le CCPA/CPRA de Californie</translation>
    </message>
    <message>
        <source>the Illinois BIPA</source>
        <translation>le BIPA de l&apos;Illinois</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>German</source>
        <translation>allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italien</translation>
    </message>
    <message>
        <source>Draft, not sent</source>
        <translation>Brouillon, non envoyée</translation>
    </message>
    <message>
        <source>Sent, waiting</source>
        <translation>Envoyée, en attente</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Extended by the operator</source>
        <translation>Délai prolongé par l&apos;opérateur</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>Délai suspendu</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Formulaire web</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Registered post</source>
        <translation>Lettre recommandée</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>En main propre</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Complied</source>
        <translation>A donné suite</translation>
    </message>
    <message>
        <source>Complied in part</source>
        <translation>A donné suite en partie</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>A refusé</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(non indiqué)</translation>
    </message>
    <message>
        <source>an unknown country</source>
        <translation>un pays inconnu</translation>
    </message>
    <message>
        <source>%regime, as you chose.</source>
        <translation>%regime, comme vous l&apos;avez choisi.</translation>
    </message>
    <message>
        <source>%regime, because your country (%person) is in the EU/EEA, where it protects you whoever holds your data (Art. 3 GDPR).</source>
        <translation>%regime, parce que votre pays (%person) est dans l&apos;UE/EEE, où il vous protège quel que soit le détenteur de vos données (art. 3 du RGPD).</translation>
    </message>
    <message>
        <source>%regime, because your country is %person.</source>
        <translation>%regime, parce que votre pays est %person.</translation>
    </message>
    <message>
        <source>%regime, because the operator&apos;s country is %operator.</source>
        <translation>%regime, parce que le pays de l&apos;opérateur est %operator.</translation>
    </message>
    <message>
        <source>%regime, because the operator&apos;s country is %operator (yours is not known).</source>
        <translation>%regime, parce que le pays de l&apos;opérateur est %operator (le vôtre n&apos;est pas connu).</translation>
    </message>
    <message>
        <source>%regime covers people in its territory and operators established there; your country is %person and the operator&apos;s is %operator: it may answer that the law does not apply to you.</source>
        <translation>%regime couvre les personnes sur son territoire et les opérateurs qui y sont établis ; votre pays est %person et celui de l&apos;opérateur %operator : il peut répondre que la loi ne s&apos;applique pas à vous.</translation>
    </message>
    <message>
        <source>Keep proof that you sent this reminder and when — the sent e-mail, the registered-post receipt, a screenshot of the web form&apos;s confirmation: the period for an answer counts from receipt.</source>
        <translation>Gardez la preuve de l&apos;envoi de cette relance et de sa date — l&apos;e-mail envoyé, l&apos;accusé de réception du recommandé, une capture de la confirmation du formulaire web : le délai de réponse court à partir de la réception.</translation>
    </message>
    <message>
        <source>Keep proof that you sent this complaint (and your earlier letters) and when — the sent e-mail, the registered-post receipt, a screenshot of the web form&apos;s confirmation: the authority may ask for it.</source>
        <translation>Gardez la preuve de l&apos;envoi de cette plainte (et de vos lettres précédentes) et de sa date — l&apos;e-mail envoyé, l&apos;accusé de réception du recommandé, une capture de la confirmation du formulaire web : l&apos;autorité peut la demander.</translation>
    </message>
    <message>
        <source>Keep proof that you sent this letter and when — the sent e-mail, the registered-post receipt, a screenshot of the web form&apos;s confirmation: the period for an answer counts from receipt.</source>
        <translation>Gardez la preuve de l&apos;envoi de cette lettre et de sa date — l&apos;e-mail envoyé, l&apos;accusé de réception du recommandé, une capture de la confirmation du formulaire web : le délai de réponse court à partir de la réception.</translation>
    </message>
    <message>
        <source>FaceAudit deadlines</source>
        <translation>Échéances FaceAudit</translation>
    </message>
    <message>
        <source>OVERDUE: answer to %type request %reference from %operator (case %case)</source>
        <translation>EN RETARD : réponse à la demande %type %reference adressée à %operator (dossier %case)</translation>
    </message>
    <message>
        <source>Answer due to %type request %reference from %operator (case %case)</source>
        <translation>Réponse attendue à la demande %type %reference adressée à %operator (dossier %case)</translation>
    </message>
    <message>
        <source>%type request %reference under %law, sent on %sent; the answer is due by %due. See it in FaceAudit: case %case, Letters &amp; requests.</source>
        <translation>Demande %type %reference fondée sur %law, envoyée le %sent ; la réponse est attendue au plus tard le %due. Voir dans FaceAudit : dossier %case, Lettres et demandes.</translation>
    </message>
    <message>
        <source>%regime, by default.</source>
        <translation>%regime, par défaut.</translation>
    </message>
    <message>
        <source>%regime, as the request it follows up.</source>
        <translation>%regime, comme la demande à laquelle elle fait suite.</translation>
    </message>
    <message>
        <source>FaceAudit does not know where you live or where the operator is established, so the letter rests on the EU GDPR. Add your country to the case so that the right law is chosen.</source>
        <translation>FaceAudit ne sait ni où vous vivez ni où l&apos;opérateur est établi : la lettre se fonde donc sur le RGPD de l&apos;UE. Ajoutez votre pays au dossier pour que la bonne loi soit choisie.</translation>
    </message>
    <message>
        <source>%regime protects people who live in that state, and your country is given as %person: the letter cannot say that you live there, and the operator may answer that the law does not apply.</source>
        <translation>%regime protège les personnes qui vivent dans cet État, et votre pays est indiqué comme %person : la lettre ne peut pas dire que vous y vivez, et l&apos;opérateur peut répondre que la loi ne s&apos;applique pas.</translation>
    </message>
    <message>
        <source>Without your own reasons the erasure rests on unlawful processing and withdrawn consent only: an objection (Art. 17(1)(c)) needs grounds relating to your particular situation, e.g. why being identifiable from your face harms you.</source>
        <translation>Sans vos propres raisons, l&apos;effacement ne repose que sur le traitement illicite et le retrait du consentement : une opposition (art. 17, paragraphe 1, point c)) demande des motifs tenant à votre situation particulière, par exemple en quoi le fait d&apos;être reconnaissable à votre visage vous nuit.</translation>
    </message>
    <message>
        <source>%authority takes complaints in %accepted; this one is in %language and may be rejected or delayed. Choose that language for the letter.</source>
        <translation>%authority reçoit les plaintes en %accepted ; celle-ci est en %language et risque d&apos;être rejetée ou retardée. Choisissez cette langue pour la lettre.</translation>
    </message>
    <message>
        <source>Since 19 June 2026 organisations must handle complaints about their use of your data themselves first, and the ICO expects you to have complained to the organisation. Send it the reminder first and wait for its outcome.</source>
        <translation>Depuis le 19 juin 2026, les organismes doivent d&apos;abord traiter eux-mêmes les plaintes sur l&apos;usage de vos données, et l&apos;ICO attend que vous vous soyez plaint auprès de l&apos;organisme. Envoyez-lui d&apos;abord la relance et attendez sa réponse.</translation>
    </message>
    <message>
        <source>Your last contact with the organisation was on %last, more than three months ago: the ICO may not take this complaint. Send a reminder first, or explain the delay.</source>
        <translation>Votre dernier contact avec l&apos;organisme date du %last, il y a plus de trois mois : l&apos;ICO pourrait ne pas recevoir cette plainte. Envoyez d&apos;abord une relance, ou expliquez le délai.</translation>
    </message>
    <message>
        <source>The letter lists what goes with it: the e-mail draft (.eml) carries those files; if you send the letter another way, attach them yourself: %files.</source>
        <translation>La lettre énumère ce qui l&apos;accompagne : le brouillon d&apos;e-mail (.eml) contient ces fichiers ; si vous l&apos;envoyez autrement, joignez-les vous-même : %files.</translation>
    </message>
    <message>
        <source>The letter says that the signed mandate is enclosed: the e-mail draft (.eml) carries the copy kept in the case; if you send the letter another way, enclose that copy yourself.</source>
        <translation>La lettre indique que le mandat signé est joint : le brouillon d&apos;e-mail (.eml) contient la copie conservée dans le dossier ; si vous l&apos;envoyez autrement, joignez cette copie vous-même.</translation>
    </message>
    <message>
        <source>The letter says that the signed mandate is enclosed: the case keeps no copy of it, so enclose one yourself (or keep it in the case).</source>
        <translation>La lettre indique que le mandat signé est joint : le dossier n&apos;en conserve aucune copie, joignez-en une vous-même (ou conservez-la dans le dossier).</translation>
    </message>
    <message>
        <source>FaceAudit has no file of your request of %sent, so the letter does not list a copy of it: attach one if you kept it.</source>
        <translation>FaceAudit n&apos;a pas de fichier de votre demande du %sent : la lettre n&apos;en mentionne donc pas de copie. Joignez-en une si vous l&apos;avez gardée.</translation>
    </message>
    <message>
        <source>The letter is dated %printed, but you marked it sent on %sent, before that date. Check the send date: the operator sees the letter&apos;s own date.</source>
        <translation>La lettre est datée du %printed, mais vous l&apos;avez indiquée envoyée le %sent, avant cette date. Vérifiez la date d&apos;envoi : l&apos;opérateur voit la date de la lettre.</translation>
    </message>
    <message>
        <source>The letter is dated %printed but was sent on %sent, more than a month later. Consider drafting it again with the date you send it.</source>
        <translation>La lettre est datée du %printed mais a été envoyée le %sent, plus d&apos;un mois après. Pensez à la rédiger à nouveau à la date de l&apos;envoi.</translation>
    </message>
    <message>
        <source>Received on %received, more than three weeks after it was sent (%sent): check the receipt date.</source>
        <translation>Reçue le %received, plus de trois semaines après l&apos;envoi (%sent) : vérifiez la date de réception.</translation>
    </message>
    <message>
        <source>A posted letter arrives after it is sent, and the operator&apos;s period counts from receipt: the tracker counts from the send date, which may be a few days early.</source>
        <translation>Une lettre postale arrive après son envoi, et le délai de l&apos;opérateur court à partir de la réception : le suivi compte à partir de la date d&apos;envoi, soit peut-être quelques jours trop tôt.</translation>
    </message>
    <message>
        <source>The CCPA&apos;s right to know replaces GDPR access: the letter asks for the specific pieces of information (Civ. Code §1798.110) and the categories of sources.</source>
        <translation>Le droit de savoir du CCPA remplace l&apos;accès du RGPD : la lettre demande les éléments précis d&apos;information (Civ. Code §1798.110) et les catégories de sources.</translation>
    </message>
    <message>
        <source>The CCPA has no counterpart to GDPR Art. 17(2): the letter asks the business to notify its service providers, contractors and the third parties it sold or shared the data with. A business that took the photos from the web may argue that the right to delete does not apply.</source>
        <translation>Le CCPA n&apos;a pas d&apos;équivalent à l&apos;article 17, paragraphe 2, du RGPD : la lettre demande à l&apos;entreprise de prévenir ses prestataires, sous-traitants et les tiers à qui elle a vendu ou transmis les données. Une entreprise qui a pris les photos sur le web peut soutenir que le droit à la suppression ne s&apos;applique pas.</translation>
    </message>
    <message>
        <source>The CCPA has no general right to object: the letter uses the rights to opt out of sale and sharing and to limit the use of sensitive personal information instead.</source>
        <translation>Le CCPA ne prévoit pas de droit général d&apos;opposition : la lettre s&apos;appuie à la place sur les droits de refuser la vente et le partage et de limiter l&apos;usage des informations personnelles sensibles.</translation>
    </message>
    <message>
        <source>The Swiss FADP has no GDPR-style right to erasure: the letter rests on the express objection (Art. 30(2)(b) FADP) and the claim for deletion (Art. 32(2)(c) FADP).</source>
        <translation>La LPD suisse n&apos;a pas de droit à l&apos;effacement comme le RGPD : la lettre se fonde sur l&apos;opposition expresse (art. 30, al. 2, let. b, LPD) et l&apos;action en effacement (art. 32, al. 2, let. c, LPD).</translation>
    </message>
    <message>
        <source>Swiss law gives no complaint with party rights: the letter is a report to the FDPIC (Art. 49 FADP), who decides whether to investigate.</source>
        <translation>Le droit suisse ne prévoit pas de plainte donnant qualité de partie : la lettre est une dénonciation au PFPDT (art. 49 LPD), qui décide s&apos;il ouvre une enquête.</translation>
    </message>
    <message>
        <source>Illinois BIPA gives no right of access: the letter is informational, names the consent and retention duties and asks for the written policy.</source>
        <translation>Le BIPA de l&apos;Illinois ne donne pas de droit d&apos;accès : la lettre est informative, rappelle les obligations de consentement et de conservation et demande la politique écrite.</translation>
    </message>
    <message>
        <source>Illinois BIPA gives no right to erasure: the letter is informational and asks for destruction under the retention duty.</source>
        <translation>Le BIPA de l&apos;Illinois ne donne pas de droit à l&apos;effacement : la lettre est informative et demande la destruction au titre de l&apos;obligation de conservation.</translation>
    </message>
    <message>
        <source>Illinois BIPA gives no right to object: the letter refuses consent and names the written-release duty.</source>
        <translation>Le BIPA de l&apos;Illinois ne donne pas de droit d&apos;opposition : la lettre refuse le consentement et rappelle l&apos;obligation d&apos;autorisation écrite.</translation>
    </message>
    <message>
        <source>Illinois BIPA sets no period for an answer: the reminder follows up on the 30 days the first letter asked for.</source>
        <translation>Le BIPA de l&apos;Illinois ne fixe aucun délai de réponse : la relance s&apos;appuie sur les 30 jours demandés dans la première lettre.</translation>
    </message>
    <message>
        <source>Illinois BIPA has no supervisory authority: the complaint becomes a final notice to the operator; BIPA is enforced by private action, so consider consulting a lawyer.</source>
        <translation>Le BIPA de l&apos;Illinois n&apos;a pas d&apos;autorité de contrôle : la plainte devient une dernière mise en demeure à l&apos;opérateur ; le BIPA s&apos;applique par une action en justice privée, pensez à consulter un avocat.</translation>
    </message>
    <message>
        <source>FaceAudit cannot tell which law protects you: US privacy law depends on the state you live in. Choose the law yourself (California or Illinois).</source>
        <translation>FaceAudit ne peut pas savoir quelle loi vous protège : aux États-Unis, la protection de la vie privée dépend de l&apos;État où vous vivez. Choisissez la loi vous-même (Californie ou Illinois).</translation>
    </message>
    <message>
        <source>None of the laws FaceAudit writes letters under covers a person living in %1. Choose the law yourself if you have a link to the EU, the UK, Switzerland, California or Illinois (the letter will carry a warning).</source>
        <translation>Aucune des lois sur lesquelles FaceAudit fonde ses lettres ne couvre une personne vivant en %1. Choisissez la loi vous-même si vous avez un lien avec l&apos;UE, le Royaume-Uni, la Suisse, la Californie ou l&apos;Illinois (la lettre portera un avertissement).</translation>
    </message>
</context>
<context>
    <name>LettersScreen</name>
    <message>
        <source>Letters &amp; requests</source>
        <translation>Lettres et demandes</translation>
    </message>
    <message>
        <source>Sites where you were found</source>
        <translation>Sites où vous avez été trouvé</translation>
    </message>
    <message>
        <source>No confirmed findings yet. Confirm the faces that are you in Findings: each site&apos;s operator then gets one letter covering all of them.</source>
        <translation>Aucun résultat confirmé pour l&apos;instant. Confirmez dans Résultats les visages qui sont le vôtre : l&apos;opérateur de chaque site recevra alors une seule lettre qui les couvre tous.</translation>
    </message>
    <message>
        <source>Choose a site on the left to draft its letter.</source>
        <translation>Choisissez un site à gauche pour rédiger sa lettre.</translation>
    </message>
    <message>
        <source>Choose a &amp;site:</source>
        <translation>Choisissez un &amp;site :</translation>
    </message>
    <message>
        <source>Draft a letter</source>
        <translation>Rédiger une lettre</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Ask the operator of a site to show you, delete or stop using your images. Pick a site, check the letter, save it, send it yourself, then mark it sent: FaceAudit tracks the answer&apos;s deadline.</source>
        <translation>Demandez à l&apos;opérateur d&apos;un site de vous montrer, de supprimer ou de cesser d&apos;utiliser vos images. Choisissez un site, relisez la lettre, enregistrez-la, envoyez-la vous-même, puis indiquez-la comme envoyée : FaceAudit suit le délai de réponse.</translation>
    </message>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation>
            <numerusform>Demandes (%n)</numerusform>
            <numerusform>Demandes (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) overdue</source>
        <translation>
            <numerusform>%n demande en retard</numerusform>
            <numerusform>%n demandes en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) due within a week</source>
        <translation>
            <numerusform>%n demande à échéance dans la semaine</numerusform>
            <numerusform>%n demandes à échéance dans la semaine</numerusform>
        </translation>
    </message>
    <message>
        <source>In this case: %1. See the Requests tab.</source>
        <translation>Dans ce dossier : %1. Voir l&apos;onglet Demandes.</translation>
    </message>
</context>
<context>
    <name>OperatorBox</name>
    <message>
        <source>1. Who the letter goes to</source>
        <translation>1. À qui la lettre est adressée</translation>
    </message>
    <message>
        <source>From FaceAudit&apos;s directory</source>
        <translation>Depuis l&apos;annuaire de FaceAudit</translation>
    </message>
    <message>
        <source>Enter the details by hand</source>
        <translation>Saisir les coordonnées à la main</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>Chercher dans l&apos;annuaire</translation>
    </message>
    <message>
        <source>Another operator: a name or a domain</source>
        <translation>Un autre opérateur : un nom ou un domaine</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>C&amp;hercher</translation>
    </message>
    <message>
        <source>Operators found in the directory</source>
        <translation>Opérateurs trouvés dans l&apos;annuaire</translation>
    </message>
    <message>
        <source>Operator&apos;s name</source>
        <translation>Nom de l&apos;opérateur</translation>
    </message>
    <message>
        <source>e.g. Example Media SAS</source>
        <translation>p. ex. Example Media SAS</translation>
    </message>
    <message>
        <source>Operator&apos;s postal address</source>
        <translation>Adresse postale de l&apos;opérateur</translation>
    </message>
    <message>
        <source>Operator&apos;s privacy e-mail address</source>
        <translation>Adresse e-mail de l&apos;opérateur dédiée à la vie privée</translation>
    </message>
    <message>
        <source>e.g. privacy@example.org</source>
        <translation>p. ex. privacy@example.org</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>&amp;Adresse postale :</translation>
    </message>
    <message>
        <source>Privacy &amp;e-mail:</source>
        <translation>&amp;E-mail vie privée :</translation>
    </message>
    <message>
        <source>Find them in the site&apos;s privacy policy or legal notice (look for “data controller”, “privacy”, “imprint” or “legal notice”).</source>
        <translation>Vous les trouverez dans la politique de confidentialité ou les mentions légales du site (cherchez « responsable du traitement », « confidentialité », « mentions légales »).</translation>
    </message>
    <message>
        <source>Nothing found in the directory for “%1”: enter the details by hand.</source>
        <translation>Rien trouvé dans l&apos;annuaire pour « %1 » : saisissez les coordonnées à la main.</translation>
    </message>
    <message>
        <source>FaceAudit&apos;s directory does not know who runs %1.</source>
        <translation>L&apos;annuaire de FaceAudit ne sait pas qui exploite %1.</translation>
    </message>
    <message>
        <source>Web form: %1</source>
        <translation>Formulaire web : %1</translation>
    </message>
    <message>
        <source>Check these details before sending: they may be out of date.</source>
        <translation>Vérifiez ces coordonnées avant d&apos;envoyer : elles sont peut-être périmées.</translation>
    </message>
</context>
<context>
    <name>OptionsBox</name>
    <message>
        <source>2. What the letter asks</source>
        <translation>2. Ce que demande la lettre</translation>
    </message>
    <message>
        <source>Type of letter</source>
        <translation>Type de lettre</translation>
    </message>
    <message>
        <source>Law the letter rests on</source>
        <translation>Loi sur laquelle se fonde la lettre</translation>
    </message>
    <message>
        <source>Chosen for you (from where you live)</source>
        <translation>Choisie pour vous (selon votre lieu de résidence)</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>Langue de la lettre</translation>
    </message>
    <message>
        <source>Also cite the findings I have not reviewed yet</source>
        <translation>Citer aussi les résultats que je n&apos;ai pas encore vérifiés</translation>
    </message>
    <message>
        <source>Your reasons</source>
        <translation>Vos raisons</translation>
    </message>
    <message>
        <source>Your particular situation: why being identifiable from these images harms you (needed for an objection, makes an erasure stronger).</source>
        <translation>Votre situation particulière : en quoi le fait d&apos;être reconnaissable sur ces images vous nuit (nécessaire pour une opposition, renforce un effacement).</translation>
    </message>
    <message>
        <source>Supervisory authority</source>
        <translation>Autorité de contrôle</translation>
    </message>
    <message>
        <source>A&amp;uthority:</source>
        <translation>A&amp;utorité :</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Law:</source>
        <translation>&amp;Loi :</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;gue :</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>&amp;Raisons :</translation>
    </message>
    <message>
        <source>Follows up %1, whose deadline has passed.</source>
        <translation>Fait suite à %1, dont le délai est dépassé.</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyée le</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Réponse attendue le</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>The deadline has passed: you can draft the %1 now.</source>
        <translation>Le délai est dépassé : vous pouvez rédiger la %1 dès maintenant.</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>en retard de %n jour</numerusform>
            <numerusform>en retard de %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>échéance aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n jour restant</numerusform>
            <numerusform>%n jours restants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendBox</name>
    <message>
        <source>5. When you have sent it</source>
        <translation>5. Une fois envoyée</translation>
    </message>
    <message>
        <source>Date it was sent</source>
        <translation>Date d&apos;envoi</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Moyen d&apos;envoi</translation>
    </message>
    <message>
        <source>&amp;Mark sent</source>
        <translation>&amp;Indiquer comme envoyée</translation>
    </message>
    <message>
        <source>Sent on:</source>
        <translation>Envoyée le :</translation>
    </message>
    <message>
        <source>by:</source>
        <translation>par :</translation>
    </message>
</context>
<context>
    <name>SitesModel</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
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
        <source>needs a letter</source>
        <translation>lettre à rédiger</translation>
    </message>
    <message>
        <source>every finding is in a letter</source>
        <translation>chaque résultat figure dans une lettre</translation>
    </message>
    <message>
        <source>%1 (not in the directory)</source>
        <translation>%1 (absent de l&apos;annuaire)</translation>
    </message>
</context>
<context>
    <name>StepsBox</name>
    <message>
        <source>Record what happened</source>
        <translation>Enregistrer ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>The day it happened</source>
        <translation>Le jour où c&apos;est arrivé</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Comment elle a été envoyée</translation>
    </message>
    <message>
        <source>The operator received it on:</source>
        <translation>L&apos;opérateur l&apos;a reçue le :</translation>
    </message>
    <message>
        <source>The day the operator received it</source>
        <translation>Le jour où l&apos;opérateur l&apos;a reçue</translation>
    </message>
    <message>
        <source>What the operator did</source>
        <translation>Ce que l&apos;opérateur a fait</translation>
    </message>
    <message>
        <source>Attach the reply &amp;file…</source>
        <translation>Joindre le &amp;fichier de la réponse…</translation>
    </message>
    <message>
        <source>The operator&apos;s reply (a PDF, an e-mail, a scan), kept encrypted in the case</source>
        <translation>La réponse de l&apos;opérateur (un PDF, un e-mail, un scan), conservée chiffrée dans le dossier</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Aucun fichier joint</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Do not attach the reply file</source>
        <translation>Ne pas joindre le fichier de la réponse</translation>
    </message>
    <message>
        <source>Until a date the operator gave:</source>
        <translation>Jusqu&apos;à une date donnée par l&apos;opérateur :</translation>
    </message>
    <message>
        <source>The new due date the operator gave</source>
        <translation>La nouvelle échéance donnée par l&apos;opérateur</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>&amp;Ce qui s&apos;est passé :</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Moyen :</translation>
    </message>
    <message>
        <source>Ou&amp;tcome:</source>
        <translation>Rés&amp;ultat :</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>Réponse :</translation>
    </message>
    <message>
        <source>I sent the letter</source>
        <translation>J&apos;ai envoyé la lettre</translation>
    </message>
    <message>
        <source>The operator answered</source>
        <translation>L&apos;opérateur a répondu</translation>
    </message>
    <message>
        <source>The operator extended the deadline</source>
        <translation>L&apos;opérateur a prolongé le délai</translation>
    </message>
    <message>
        <source>The organisation asked for ID or clarification (clock stops)</source>
        <translation>L&apos;organisme a demandé une pièce d&apos;identité ou une précision (le délai s&apos;arrête)</translation>
    </message>
    <message>
        <source>I sent what it asked for (clock runs again)</source>
        <translation>J&apos;ai envoyé ce qu&apos;il demandait (le délai reprend)</translation>
    </message>
    <message>
        <source>The request is closed</source>
        <translation>La demande est close</translation>
    </message>
    <message>
        <source>Correct the send date</source>
        <translation>Corriger la date d&apos;envoi</translation>
    </message>
    <message>
        <source>&amp;Sent on:</source>
        <translation>&amp;Envoyée le :</translation>
    </message>
    <message>
        <source>&amp;Answered on:</source>
        <translation>&amp;Réponse le :</translation>
    </message>
    <message>
        <source>&amp;Announced on:</source>
        <translation>&amp;Annoncée le :</translation>
    </message>
    <message>
        <source>&amp;Asked on:</source>
        <translation>&amp;Demandé le :</translation>
    </message>
    <message>
        <source>&amp;It got it on:</source>
        <translation>&amp;Reçu par l&apos;organisme le :</translation>
    </message>
    <message>
        <source>C&amp;losed on:</source>
        <translation>C&amp;lose le :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>The operator&apos;s r&amp;eason:</source>
        <translation>&amp;Motif donné par l&apos;opérateur :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>As the operator wrote it (the law requires it to give reasons)</source>
        <translation>Tel que l&apos;opérateur l&apos;a écrit (la loi l&apos;oblige à motiver)</translation>
    </message>
    <message>
        <source>Optional, kept with the request</source>
        <translation>Facultatif, conservé avec la demande</translation>
    </message>
    <message>
        <source>Record what the operator did; you can record it again if it answers again (the latest counts).</source>
        <translation>Indiquez ce que l&apos;opérateur a fait ; vous pourrez l&apos;enregistrer à nouveau s&apos;il répond encore (la dernière réponse compte).</translation>
    </message>
    <message>
        <source>The operator may extend the period once, by up to two more months, if it tells you within the first month and says why (Art. 12(3) GDPR). Without a date, FaceAudit counts the longest the law allows.</source>
        <translation>L&apos;opérateur peut prolonger le délai une fois, de deux mois au plus, s&apos;il vous en informe dans le premier mois et dit pourquoi (art. 12, paragraphe 3, du RGPD). Sans date, FaceAudit compte la durée la plus longue que la loi permet.</translation>
    </message>
    <message>
        <source>UK law stops the clock while the organisation waits for ID or clarification it asked for (Art. 12A UK GDPR).</source>
        <translation>Le droit britannique arrête le délai tant que l&apos;organisme attend la pièce d&apos;identité ou la précision qu&apos;il a demandée (art. 12A du UK GDPR).</translation>
    </message>
    <message>
        <source>The days the clock stood still are added to the due date.</source>
        <translation>Les jours de suspension s&apos;ajoutent à l&apos;échéance.</translation>
    </message>
    <message>
        <source>The due date is counted again from the corrected date.</source>
        <translation>L&apos;échéance est recalculée à partir de la date corrigée.</translation>
    </message>
</context>
<context>
    <name>TrackerPanel</name>
    <message>
        <source>Your letters and requests</source>
        <translation>Vos lettres et demandes</translation>
    </message>
    <message>
        <source>Draft the &amp;reminder</source>
        <translation>Rédiger la &amp;relance</translation>
    </message>
    <message>
        <source>Draft the &amp;complaint</source>
        <translation>Rédiger la &amp;plainte</translation>
    </message>
    <message>
        <source>&amp;Discard the draft</source>
        <translation>&amp;Abandonner le brouillon</translation>
    </message>
    <message>
        <source>Export deadlines to a &amp;calendar…</source>
        <translation>Exporter les échéances vers un &amp;calendrier…</translation>
    </message>
    <message>
        <source>Write the due dates to a calendar file (.ics)</source>
        <translation>Écrire les échéances dans un fichier de calendrier (.ics)</translation>
    </message>
    <message>
        <source>Each letter you saved, with the day its answer is due. When a deadline passes, FaceAudit offers the reminder, then the complaint to the authority.</source>
        <translation>Chaque lettre enregistrée, avec la date à laquelle la réponse est attendue. Quand un délai est dépassé, FaceAudit propose la relance, puis la plainte auprès de l&apos;autorité.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) overdue: the operator did not answer in time.</source>
        <translation>
            <numerusform>%n demande en retard : l&apos;opérateur n&apos;a pas répondu à temps.</numerusform>
            <numerusform>%n demandes en retard : l&apos;opérateur n&apos;a pas répondu à temps.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one to draft the %1.</source>
        <translation>Sélectionnez-en une pour rédiger la %1.</translation>
    </message>
    <message>
        <source>That date is in the future.</source>
        <translation>Cette date est dans le futur.</translation>
    </message>
    <message>
        <source>Discard the draft FA-%1? It is removed from the tracker; files already saved stay where you saved them.</source>
        <translation>Abandonner le brouillon FA-%1 ? Il est retiré du suivi ; les fichiers déjà enregistrés restent où vous les avez mis.</translation>
    </message>
    <message>
        <source>&amp;Undo the last step…</source>
        <translation>A&amp;nnuler la dernière étape…</translation>
    </message>
    <message>
        <source>Take back the latest step recorded for the selected letter</source>
        <translation>Annuler la dernière étape enregistrée pour la lettre sélectionnée</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <source>The draft was discarded.</source>
        <translation>Le brouillon a été abandonné.</translation>
    </message>
    <message>
        <source>Take back the latest step recorded for FA-%1: %2?</source>
        <translation>Annuler la dernière étape enregistrée pour FA-%1 : %2 ?</translation>
    </message>
    <message>
        <source>Undo the last step</source>
        <translation>Annuler la dernière étape</translation>
    </message>
    <message>
        <source>Taken back: %1.</source>
        <translation>Annulé : %1.</translation>
    </message>
    <message>
        <source>the request was closed</source>
        <translation>la demande a été close</translation>
    </message>
    <message>
        <source>the operator&apos;s answer and its outcome</source>
        <translation>la réponse de l&apos;opérateur et son résultat</translation>
    </message>
    <message>
        <source>the paused clock</source>
        <translation>la suspension du délai</translation>
    </message>
    <message>
        <source>the extension</source>
        <translation>la prolongation</translation>
    </message>
    <message>
        <source>the letter was sent (it becomes a draft again)</source>
        <translation>l&apos;envoi de la lettre (elle redevient un brouillon)</translation>
    </message>
    <message>
        <source>The letter cannot be received before it was sent.</source>
        <translation>La lettre ne peut pas être reçue avant d&apos;avoir été envoyée.</translation>
    </message>
    <message>
        <source>That date is before the request was sent (%1).</source>
        <translation>Cette date précède l&apos;envoi de la demande (%1).</translation>
    </message>
    <message>
        <source>The clock is paused until you send what was asked for.</source>
        <translation>Le délai est suspendu jusqu&apos;à ce que vous envoyiez ce qui a été demandé.</translation>
    </message>
    <message>
        <source>The clock runs again; the due date moved by the days it stood.</source>
        <translation>Le délai reprend ; l&apos;échéance est reportée des jours de suspension.</translation>
    </message>
    <message>
        <source>The request is closed.</source>
        <translation>La demande est close.</translation>
    </message>
    <message>
        <source>The send date was corrected; the due date was counted again.</source>
        <translation>La date d&apos;envoi a été corrigée ; l&apos;échéance a été recalculée.</translation>
    </message>
    <message>
        <source>The answer was recorded.</source>
        <translation>La réponse a été enregistrée.</translation>
    </message>
    <message>
        <source>Write the reason the operator gave for the extension (or that it gave none).</source>
        <translation>Indiquez le motif donné par l&apos;opérateur pour la prolongation (ou qu&apos;il n&apos;en a donné aucun).</translation>
    </message>
    <message>
        <source>The new due date must come after the current one (%1).</source>
        <translation>La nouvelle échéance doit être postérieure à l&apos;actuelle (%1).</translation>
    </message>
    <message>
        <source>The operator announced the extension on %1, after the period for an answer ended on %2. The law requires it within that period, so it does not count and the request stays overdue. Keep it on record anyway?</source>
        <translation>L&apos;opérateur a annoncé la prolongation le %1, après la fin du délai de réponse le %2. La loi exige qu&apos;elle soit annoncée dans ce délai : elle ne compte donc pas et la demande reste en retard. L&apos;enregistrer quand même ?</translation>
    </message>
    <message>
        <source>A late extension</source>
        <translation>Une prolongation tardive</translation>
    </message>
    <message>
        <source>The extension is on record, but it does not count.</source>
        <translation>La prolongation est enregistrée, mais elle ne compte pas.</translation>
    </message>
    <message>
        <source>The extension was recorded; the new due date is shown.</source>
        <translation>La prolongation est enregistrée ; la nouvelle échéance est affichée.</translation>
    </message>
    <message>
        <source>Marked sent. The answer is due by %1.</source>
        <translation>Marquée comme envoyée. La réponse est attendue au plus tard le %1.</translation>
    </message>
    <message>
        <source>The operator&apos;s reply</source>
        <translation>La réponse de l&apos;opérateur</translation>
    </message>
    <message>
        <source>Any file (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save the replies into</source>
        <translation>Enregistrer les réponses dans</translation>
    </message>
    <message numerus="yes">
        <source>%n reply file(s) saved in %1.</source>
        <translation>
            <numerusform>%n fichier de réponse enregistré dans %1.</numerusform>
            <numerusform>%n fichiers de réponse enregistrés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the deadlines</source>
        <translation>Exporter les échéances</translation>
    </message>
    <message>
        <source>Calendar file (*.ics)</source>
        <translation>Fichier de calendrier (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) written to %1.</source>
        <translation>
            <numerusform>%n échéance écrite dans %1.</numerusform>
            <numerusform>%n échéances écrites dans %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
