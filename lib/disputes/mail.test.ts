import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createContestableClaim } from '../../seed/factories/disputes';
import { sendMail } from '../mail/send';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { openedForm, TEST_SECRET } from '../testing/disputes';
import { openSmtpInbox, type SmtpInbox } from '../testing/smtp-inbox';
import { rejectDispute } from './moderation-mutations';
import { submitDispute } from './mutations';
import { submitDisputeSchema } from './schema';

// The reader's emails over a real SMTP round trip: nodemailer (SMTP_URL)
// talks to an SMTP server running inside this test, which reads what was sent.

let db: SeededDatabase;
let inbox: SmtpInbox;

before(async () => {
  db = await openSeededDatabase();
  inbox = await openSmtpInbox();
  process.env.SMTP_URL = inbox.url;
  process.env.MAIL_FROM = 'Attest <disputes@attest.example>';
});
after(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await inbox.close();
  await closeSeededDatabase(db);
});

describe('the reader’s emails', () => {
  test('at submission, with the follow-up link, and at decision, with the reason, in the reader’s language', async () => {
    const claim = await createContestableClaim(db.prisma, { authorId: db.actors.editor.id, reviewerId: db.actors.reviewer.id });
    const now = new Date();
    const email = 'lectrice@example.org';
    const input = submitDisputeSchema.parse({
      claimSlug: claim.slug,
      formToken: await openedForm(db.prisma, claim.slug, now),
      locale: 'fr',
      kind: 'MISSING_CONTEXT',
      explanation: 'Le verdict ne mentionne pas les chiffres publiés par Séoul.',
      email,
    });
    const submitted = await submitDispute(input, { clientAddress: '192.0.2.10', origin: 'https://attest.example', now, secret: TEST_SECRET });

    const [received] = await inbox.waitFor(1);
    assert.deepEqual(received?.to, [email]);
    assert.equal(received?.from, 'disputes@attest.example');
    assert.equal(received?.subject, `Nous avons bien reçu votre demande sur «\u00a0${claim.summary}\u00a0»`);
    assert.ok(received?.text.includes(`https://attest.example/disputes/${submitted.token}`), received?.text);
    assert.match(received?.text ?? '', /Conservez ce lien/);

    await rejectDispute(db.actors.moderator, { disputeId: submitted.disputeId, version: 1, reason: 'Les chiffres de Séoul figurent dans les preuves.' });
    const [, decided] = await inbox.waitFor(2);
    assert.deepEqual(decided?.to, [email]);
    assert.equal(decided?.subject, `Votre demande sur «\u00a0${claim.summary}\u00a0»\u00a0: rejetée`);
    assert.ok(decided?.text.includes('Les chiffres de Séoul figurent dans les preuves.'), decided?.text);
    assert.equal(decided?.text.includes(submitted.token), false, 'the token is known only at submission');
    assert.equal(decided?.raw.includes('<html'), false, 'plain text only');
  });

  test('without SMTP_URL nothing is sent and nothing fails; an unreachable server is logged, not thrown', async () => {
    assert.equal(await sendMail({ to: 'x@example.org', subject: 's', text: 't' }, {}), 'not-configured');
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      assert.equal(await sendMail({ to: 'x@example.org', subject: 'Sujet', text: 't' }, { SMTP_URL: 'smtp://127.0.0.1:1' }), 'failed');
    } finally {
      console.error = original;
    }
    assert.equal(logged.length, 1);
    assert.equal(String(logged[0]).includes('x@example.org'), false, 'the log never names the recipient');
  });
});
