import { expect, test } from '@playwright/test';
import { api, isoDay, LAPTOP, setUpQuickly, shotBoth } from './helpers';
import { danishDate, exactField, expectAccessible, goTo, printAllPages } from './plans-helpers';
import { shot, startServer } from './server';

test.use({ viewport: LAPTOP });

interface StepInput {
  title: string;
  from: string;
  to?: string;
  responsible: string;
  what: string;
}

test('the udslusningsplan: four steps, two done, one postponed with a reason, versions compared, overdue steps where they matter, the close dialog, the plan and the overleveringspakke printed', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    // Arranged through the backend; the network screens are tested above.
    const family = await api<{ id: number; persons: Array<{ id: number; name: string }> }>(page, 'families:create', {
      displayName: 'Familien Holm',
      startDate: '2026-01-05',
      municipality: 'Greve Kommune',
      caseworkerName: 'Per Madsen',
      persons: [
        { kind: 'mother', name: 'Sara Holm', cpr: '0101901234' },
        { kind: 'child', name: 'Liva Holm', birthDate: '2025-12-20' },
      ],
    });
    const familyId = family.id;
    const sara = family.persons.find((p) => p.name === 'Sara Holm')!.id;
    await api(page, 'team:add', { familyId, name: 'Hanne Berg', role: 'ambulant_family_therapist', organisation: 'Greve Kommune', phone: '43 97 00 00' });
    let network = await api<{ persons: Array<{ id: number; name: string }> }>(page, 'network:addPerson', {
      familyId,
      name: 'Inger Holm',
      relation: 'grandparent',
      relationText: 'Mormor',
      closeness: 1,
      support: 'supports',
      helpWith: ['childcare'],
      phone: '40 11 22 33',
    });
    const [first] = network.persons;
    if (!first) throw new Error('Inger Holm was not added');
    const inger = first.id;
    network = await api(page, 'network:addAgreement', { familyId, responsible: { kind: 'network', networkPersonId: inger }, what: 'Inger passer Liva hver tirsdag eftermiddag', when: 'Tirsdage kl. 14–17' });
    await api(page, 'safetyPlan:save', {
      familyId,
      baseVersion: null,
      agreedOn: isoDay(0),
      agreedBy: [{ kind: 'family', personId: sara }],
      reason: 'Første udgave',
      worries: [{ text: 'At Sara bliver så træt om natten, at hun ikke kan passe Liva.' }],
      actions: [{ text: 'Sara ringer til mormor.' }],
      contacts: [{ when: 'Om natten', who: { kind: 'network', networkPersonId: inger } }],
      signs: [],
    });
    await api(page, 'goals:create', { familyId, text: 'Jeg vil kunne berolige Liva, når hun græder om natten.', area: 'interaction', startDate: '2026-09-01', targetDate: isoDay(40) });
    await page.reload();
    await goTo(page, `#/familier/${familyId}/overblik`);
    await expect(page.getByTestId('overview-discharge')).toContainText('Ingen udslusningsplan endnu.');
    await page.getByRole('link', { name: 'Udslusningsplan', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/familier/${familyId}/udslusningsplan$`));
    await shot(page, '920-udslusningsplan-tom');
    await expectAccessible(page, 'Udslusningsplan uden plan');
    await page.getByRole('link', { name: 'Lav udslusningsplanen' }).click();

    // The plan with four steps, an agreement linked from the network, one of its own, and the support after the stay.
    await page.getByRole('radio', { name: 'Eget hjem' }).check();
    await exactField(page, 'Måldato').fill(isoDay(40));
    const madeWith = page.getByRole('group', { name: 'Lavet sammen med' });
    await madeWith.getByRole('checkbox', { name: 'Sara Holm (Mor)' }).check();
    await madeWith.getByRole('checkbox', { name: 'Hanne Berg (Ambulant familiebehandler)' }).check();
    const steps: StepInput[] = [
      { title: 'Første dag hjemme', from: isoDay(-10), responsible: 'Sara Holm (Mor)', what: 'Sara og Liva er hjemme fra kl. 9 til 15.' },
      { title: 'Første weekend hjemme', from: isoDay(-4), to: isoDay(-3), responsible: 'Inger Holm (Mormor)', what: 'Mormor kommer forbi lørdag eftermiddag.' },
      { title: 'Overleveringsmøde med kommunen', from: isoDay(-1), responsible: 'Hanne Berg (Ambulant familiebehandler)', what: 'Hanne, Sara og kontaktpædagogen mødes.' },
      { title: 'Flytning', from: isoDay(20), to: isoDay(21), responsible: 'Astrid Ærø (Familiebehandler)', what: 'Sara og Liva flytter hjem.' },
    ];
    for (const [i, s] of steps.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Tilføj trin' }).click();
      const group = page.getByRole('group', { name: `Trin ${i + 1}` });
      await exactField(group, 'Trinnets navn').fill(s.title);
      await exactField(group, 'Fra').fill(s.from);
      if (s.to) await exactField(group, 'Til').fill(s.to);
      await exactField(group, 'Ansvarlig').selectOption({ label: s.responsible });
      await exactField(group, 'Hvad der sker').fill(s.what);
    }
    await page.getByRole('button', { name: 'Tilføj aftale fra netværket' }).click();
    await exactField(page.getByRole('group', { name: 'Aftale 1' }), 'Netværksaftale').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Tilføj aftale', exact: true }).click();
    const own = page.getByRole('group', { name: 'Aftale 2' });
    await exactField(own, 'Hvem').selectOption({ label: 'Sara Holm (Mor)' });
    await exactField(own, 'Hvad er aftalt').fill('Sara melder sig til mødregruppen i Greve.');
    await page.getByRole('button', { name: 'Tilføj indsats' }).click();
    const support = page.getByRole('group', { name: 'Indsats 1' });
    await exactField(support, 'Modtagende indsats').fill('Ambulant familiebehandling, Greve Kommune');
    await exactField(support, 'Kontaktperson').fill('Hanne Berg');
    await exactField(support, 'Kontakt').fill('43 97 00 00');
    await exactField(support, 'Overleveringsmøde').fill(isoDay(-1));
    await exactField(support, 'Hvad der overleveres').fill('Udslusningsplanen, sikkerhedsplanen og status på målene.');
    // A step that ends before it begins is refused next to its field as soon as the field is left.
    const secondEnd = exactField(page.getByRole('group', { name: 'Trin 2' }), 'Til');
    await secondEnd.fill(isoDay(-6));
    await secondEnd.blur();
    await expect(page.getByRole('group', { name: 'Trin 2' }).getByText('Trinnet slutter, før det begynder.')).toBeVisible();
    await secondEnd.fill(isoDay(-3));
    await secondEnd.blur();
    await expect(page.getByText('Trinnet slutter, før det begynder.')).toHaveCount(0);
    await shotBoth(page, '921-udslusningsplan-ny');
    await expectAccessible(page, 'Ny udslusningsplan');
    await page.getByRole('button', { name: 'Gem som ny udgave' }).click();

    await expect(page.getByRole('heading', { name: /Udslusningsplan · udgave 1/ })).toBeVisible();
    await expect(page.getByTestId('plan-facts')).toContainText('Eget hjem');
    await expect(page.getByTestId('plan-facts')).toContainText(danishDate(isoDay(40)));
    await expect(page.getByTestId('timeline-step')).toHaveCount(4);
    await expect(page.getByTestId('timeline')).toContainText('3 trin er overskredet.');
    await expect(page.getByTestId('plan-agreements')).toContainText('Inger passer Liva hver tirsdag eftermiddag');
    await expect(page.getByTestId('plan-agreements')).toContainText('aftale med netværket: åben');

    // Two steps done, one postponed with new dates and a reason: each a new version.
    for (const [title, evaluation] of [
      ['Første dag hjemme', 'Gik godt. Liva sov til middag.'],
      ['Første weekend hjemme', 'Lørdag var hård, søndag gik bedre.'],
    ]) {
      await page.getByRole('button', { name: `Gennemført: ${title}` }).click();
      const dialog = page.getByRole('dialog', { name: `Status for trinnet: ${title}` });
      await expect(dialog.getByRole('radio', { name: 'Gennemført' })).toBeChecked();
      await expect(exactField(dialog, 'Kort evaluering')).toBeFocused();
      await page.keyboard.type(evaluation!);
      await page.keyboard.press('Control+Enter');
      await expect(dialog).toHaveCount(0);
    }
    await page.getByRole('button', { name: 'Udskyd: Flytning' }).click();
    const postpone = page.getByRole('dialog', { name: 'Status for trinnet: Flytning' });
    await expect(postpone.getByRole('radio', { name: 'Udskudt' })).toBeChecked();
    await exactField(postpone, 'Ny fra-dato').fill(isoDay(30));
    await exactField(postpone, 'Ny til-dato').fill(isoDay(31));
    await exactField(postpone, 'Begrundelse for ændringen').fill('Lejligheden er først klar senere');
    await shot(page, '922-udslusningsplan-udskyd', { fullPage: false });
    await expectAccessible(page, 'Udskyd trin');
    await postpone.getByRole('button', { name: 'Gem status' }).click();
    await expect(postpone).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Udslusningsplan · udgave 4/ })).toBeVisible();
    const rows = page.getByTestId('step-row');
    await expect(rows.nth(0)).toContainText('Gennemført');
    await expect(rows.nth(1)).toContainText('Lørdag var hård, søndag gik bedre.');
    await expect(rows.nth(2)).toContainText('Overskredet');
    await expect(rows.nth(3)).toContainText('Udskudt');
    await expect(rows.nth(3)).toContainText(danishDate(isoDay(30)));
    await expect(page.getByTestId('timeline')).toContainText('1 trin er overskredet.');
    await rows.nth(3).getByText('Historik (2)').click();
    await expect(rows.nth(3)).toContainText('Lejligheden er først klar senere');
    await shotBoth(page, '923-udslusningsplan');
    await expectAccessible(page, 'Udslusningsplan');

    // The versions, and version 1 compared with version 4 side by side.
    await page.getByRole('link', { name: 'Udgaver og sammenligning' }).click();
    const versions = page.getByTestId('versions');
    await expect(versions.getByRole('link', { name: /^Udgave \d$/ })).toHaveCount(4);
    await expect(versions).toContainText('Begrundelse: Lejligheden er først klar senere');
    await expect(versions).toContainText("Trin 'Flytning': Fra");
    await exactField(page, 'Sammenlign udgave').selectOption('1');
    await exactField(page, 'med udgave').selectOption('4');
    await shotBoth(page, '924-udslusningsplan-udgaver');
    await expectAccessible(page, 'Udslusningsplan: udgaver');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    const diff = page.getByTestId('discharge-diff');
    await expect(diff.getByRole('heading', { name: 'Udslusningsplanen: udgave 1 og 4' })).toBeVisible();
    await expect(diff.getByTestId('diff-Trin')).toContainText('3 ændret');
    await expect(diff.getByTestId('diff-Trin').locator('tr', { hasText: 'Flytning' })).toContainText('Udskudt');
    await expect(diff.getByTestId('diff-Trin').locator('tr', { hasText: 'Overleveringsmøde' })).toContainText('Uændret');
    await shotBoth(page, '925-udslusningsplan-sammenlign');
    await expectAccessible(page, 'Udslusningsplan: sammenligning');
    // An earlier version reads as it was, without quick changes.
    await goTo(page, `#/familier/${familyId}/udslusningsplan/udgave/1`);
    await expect(page.getByText('Du ser udgave 1, som ikke længere gælder.')).toBeVisible();
    await expect(page.getByTestId('step-row').first()).toContainText('Planlagt');
    await expect(page.getByRole('button', { name: /^Gennemført:/ })).toHaveCount(0);
    await shot(page, '925-udslusningsplan-udgave-1');

    // The overview and the close dialog show the overdue step; the plan's destination is offered as the outcome.
    await page.getByRole('link', { name: 'Overblik' }).click();
    await expect(page.getByTestId('overview-discharge')).toContainText('1 trin er overskredet');
    await expect(page.getByTestId('overview-discharge')).toContainText('Overleveringsmøde med kommunen');
    await shotBoth(page, '926-overblik-udslusning');
    await page.getByRole('button', { name: 'Afslut forløb' }).click();
    const close = page.getByRole('dialog', { name: 'Afslut forløbet for Familien Holm?' });
    await expect(exactField(close, 'Hvordan sluttede forløbet?')).toHaveValue('own_home');
    await expect(close.getByTestId('close-discharge')).toContainText('2 trin er ikke gennemført');
    await expect(close.getByTestId('close-discharge')).toContainText('Overskredet');
    await shot(page, '927-afslut-forloeb', { fullPage: false });
    await expectAccessible(page, 'Afslut forløb');
    await page.keyboard.press('Escape');
    await expect(close).toHaveCount(0);

    // The leader's front page lists every overdue step.
    await page.getByRole('link', { name: 'Forside' }).click();
    const overdue = page.getByTestId('overdue-steps');
    await expect(overdue).toContainText('Familien Holm');
    await expect(overdue).toContainText('Overleveringsmøde med kommunen');
    await expect(overdue).toContainText('1 dag');
    await shotBoth(page, '928-forside-overskredne-trin');
    await expectAccessible(page, 'Forside med overskredne trin');

    // The Udskrifter tab lists the printouts; the plan on paper, printing written to the access log.
    await goTo(page, `#/familier/${familyId}/udskrifter`);
    await expect(page.getByTestId('discharge-printouts').getByRole('link')).toHaveCount(4);
    await shotBoth(page, '929-udskrifter');
    await expectAccessible(page, 'Udskrifter');
    await page.getByTestId('discharge-printouts').getByRole('link', { name: 'Udslusningsplan' }).click();
    await expect(page).toHaveURL(new RegExp(`#/udskrift/udslusningsplan/${familyId}$`));
    await expect(page.getByTestId('discharge-print')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeFocused();
    await shot(page, '930-udslusningsplan-udskrift');
    await expectAccessible(page, 'Udslusningsplan: udskrift');
    // The browser's print fires beforeprint, which the view writes to the access log.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect
      .poll(async () => (await api<{ rows: Array<{ action: string; subject: string | null }> }>(page, 'accessLog:familyReport', { familyId })).rows.filter((r) => r.subject === 'udskrift: udslusningsplan').length)
      .toBe(1);
    const planPdf = await printAllPages(page, '930-udslusningsplan-pdf');
    for (const text of ['Udslusningsplan', 'Familien Holm', 'Trinene', 'Første weekend hjemme', 'Lørdag var hård, søndag gik bedre.', 'Udskudt', 'Overskredet', 'Tidslinje', 'Ambulant familiebehandling, Greve Kommune', danishDate(isoDay(40))])
      expect(planPdf.flat).toContain(text);
    expect(planPdf.text).toContain(`Side 1 af ${planPdf.pages}`);
    expect(planPdf.text).not.toContain('Tilbage');

    // The overleveringspakke: for the receiving service and the municipality, without CPR numbers.
    await goTo(page, `#/familier/${familyId}/udskrifter`);
    await page.getByTestId('discharge-printouts').getByRole('link', { name: 'Overleveringspakke' }).click();
    await expect(page.getByTestId('handover-print')).toBeVisible();
    await shot(page, '931-overleveringspakke-udskrift');
    await expectAccessible(page, 'Overleveringspakke: udskrift');
    const handoverPdf = await printAllPages(page, '931-overleveringspakke-pdf');
    for (const text of ['Overleveringspakke', 'Familien', 'Greve Kommune', 'Per Madsen', 'Indsatsteamet', 'Hanne Berg', 'Udslusningsplan', 'Flytning', 'Udviklingsmål', 'Jeg vil kunne berolige Liva, når hun græder om natten.', 'I gang', 'Netværket', 'Inger Holm', '40 11 22 33', 'Sikkerhedsplan', 'At Sara bliver så træt om natten'])
      expect(handoverPdf.flat).toContain(text);
    expect(handoverPdf.text).not.toMatch(/010190|1234/);
    expect(handoverPdf.text).toContain(`Side ${handoverPdf.pages} af ${handoverPdf.pages}`);
  } finally {
    await server.stop();
  }
});
