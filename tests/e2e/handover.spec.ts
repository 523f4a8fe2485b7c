import { expect, test } from '@playwright/test';
import { api, checkA11y, copenhagen, copenhagenDay, createFamily, field, firstLogin, LAPTOP, logout, printToPdf, setUpQuickly, shotBoth, signNote } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

const danish = (iso: string) => iso.split('-').reverse().join('.');

test('the handover shows exactly the notes since the last shift, own families first; chosen times; printed and logged', async ({ page }) => {
  const server = await startServer({}, { clock: true });
  try {
    // Yesterday's day shift: the institution, two families, a note.
    server.setClock(copenhagen(-1, 13, 0));
    await setUpQuickly(page, server.url);
    const lene = await api<{ id: number }>(page, 'users:create', { name: 'Lene Leder', initials: 'LL', loginName: 'lene', role: 'leader', temporaryPassword: 'midlertidig kode 2' });
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    const orum = await createFamily(page, 'Familien Ørum', 'Mette Ørum');
    await api(page, 'team:add', { familyId: holm, userId: lene.id, role: 'family_therapist' });
    await signNote(page, holm, 'Frokosten gik roligt, Sara spiste med.', copenhagen(-1, 12, 30));
    // The udslusningsplan: a step today and one overdue (the backend's today is yesterday here).
    const yesterday = copenhagenDay(copenhagen(-1, 12));
    const fourDaysBefore = copenhagenDay(copenhagen(-5, 12));
    await api(page, 'discharge:save', {
      familyId: holm,
      baseVersion: null,
      reason: 'Første plan',
      destination: 'own_home',
      targetDate: copenhagenDay(copenhagen(30, 12)),
      madeWith: [{ kind: 'other', name: 'Sara Holm' }],
      steps: [
        { title: 'Første dag hjemme', startsOn: yesterday, responsible: { kind: 'other', name: 'Bente' } },
        { title: 'Besøg i lejligheden', startsOn: fourDaysBefore, responsible: { kind: 'other', name: 'Bente' } },
      ],
    });

    // The evening shift: two notes, one of them about the morning (written up late), and a serious concern.
    server.setClock(copenhagen(-1, 16, 0));
    await signNote(page, holm, 'Eftermiddagsluren var kort, Liva var urolig.', copenhagen(-1, 15, 30), { shift: 'evening' });
    await signNote(page, orum, 'Skrevet sent: formiddagens besøg hos sundhedsplejersken gik godt.', copenhagen(-1, 10, 0), { concern: 'mild' });
    await signNote(page, orum, 'Mette var meget vred på barnet og råbte.', copenhagen(-1, 16, 0), { shift: 'evening', concern: 'serious' });
    await api(page, 'session:logout', {});

    // The night shift reads the handover: since the evening shift began (15.00).
    server.setClock(copenhagen(-1, 23, 30));
    await page.clock.setFixedTime(copenhagen(-1, 23, 30));
    await page.reload();
    await firstLogin(page, 'lene', 'midlertidig kode 2', 'ledelsens kode 77');
    const handover = page.getByTestId('handover');
    await expect(handover.getByRole('heading', { name: 'Siden sidst' })).toBeVisible();
    await expect(handover).toContainText(`fra aftenvagtens start ${danish(yesterday)} kl. 15.00 til ${danish(yesterday)} kl. 23.30`);
    const notes = handover.getByTestId('handover-note');
    await expect(notes).toHaveCount(3);
    await expect(handover).not.toContainText('Frokosten gik roligt');
    // Lene's own family (her indsatsteam) first, under »Mine familier«.
    const mine = handover.getByTestId('handover-mine');
    await expect(mine.getByRole('heading', { name: 'Mine familier' })).toBeVisible();
    await expect(mine.getByTestId('handover-family')).toHaveCount(1);
    await expect(mine).toContainText('Familien Holm');
    await expect(mine).toContainText('Eftermiddagsluren var kort, Liva var urolig.');
    await expect(mine.getByTestId('handover-planned')).toContainText('Første dag hjemme');
    await expect(mine.getByTestId('handover-planned').locator('li', { hasText: 'Besøg i lejligheden' })).toContainText('Overskredet');
    const others = handover.getByTestId('handover-others');
    await expect(others).toContainText('Familien Ørum');
    await expect(others).toContainText('Skrevet sent: formiddagens besøg');
    await expect(others).toContainText('Let bekymring');
    await expect(others).toContainText('1 alvorlig bekymring venter på en leder');
    await expect(others.getByTestId('handover-note').first()).toContainText('Astrid Ærø');
    await shotBoth(page, '72-forside-siden-sidst');
    await checkA11y(page, '72-forside-siden-sidst');

    // Since yesterday morning: the lunch note too. A typed time: »12« (today at 12.00, as the browser's clock says).
    await handover.getByRole('radio', { name: 'Siden i går kl. 07.00' }).check();
    await expect(notes).toHaveCount(4);
    await expect(handover).toContainText('Frokosten gik roligt');
    await handover.getByRole('radio', { name: 'Siden et andet tidspunkt' }).check();
    await expect(handover.getByLabel('Tidspunkt', { exact: true })).toBeFocused();
    await page.keyboard.type('i dag 23.55');
    await page.keyboard.press('Enter');
    await expect(handover.getByText('Tidspunktet ligger i fremtiden. Skriv hvornår det skete.')).toBeVisible();
    await handover.getByLabel('Tidspunkt', { exact: true }).fill('13.30');
    await page.keyboard.press('Enter');
    await expect(handover).toContainText(`fra ${danish(yesterday)} kl. 13.30`);
    await expect(notes).toHaveCount(3);
    await shotBoth(page, '73-forside-siden-valgt-tid');
    await checkA11y(page, '73-forside-siden-valgt-tid');

    // A line opens the note itself in the family's dagbog.
    await mine.getByRole('link', { name: 'i dag 15.30' }).first().click();
    await expect(page.getByRole('heading', { name: 'Familien Holm' })).toBeVisible();
    await expect(page.locator('.observation.target')).toContainText('Eftermiddagsluren var kort');
    await page.goBack();

    // On paper (A4): the same notes; printing is written to the access log for both families.
    await handover.getByRole('radio', { name: 'Siden forrige vagt' }).check();
    await page.getByRole('link', { name: 'Udskriv overleveringen' }).click();
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet.getByRole('heading', { name: 'Vagtoverlevering' })).toBeVisible();
    await expect(sheet).toContainText('2 familier');
    await expect(sheet.getByTestId('handover-note')).toHaveCount(3);
    await expect(sheet).not.toContainText('Frokosten gik roligt');
    await shotBoth(page, '74-vagtoverlevering-udskrift');
    await checkA11y(page, '74-vagtoverlevering-udskrift');
    await page.evaluate(() => {
      // What the print dialog does around printing, without opening it.
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    await page.getByRole('button', { name: 'Udskriv' }).click();
    const pdf = await printToPdf(page, '75-vagtoverlevering-pdf');
    expect(pdf.text).toContain('Vagtoverlevering');
    expect(pdf.text).toContain('Eftermiddagsluren var kort');
    expect(pdf.text).toContain('Side 1 af');
    await page.getByRole('link', { name: 'Tilbage' }).click();
    await page.getByRole('link', { name: 'Adgangslog' }).click();
    await page.getByLabel('Handling').selectOption({ label: 'Udskrevet' });
    const printed = page.getByTestId('access-log').locator('tbody tr', { hasText: 'udskrift: vagtoverlevering' });
    await expect(printed.filter({ hasText: 'Familien Holm' })).not.toHaveCount(0);
    await expect(printed.filter({ hasText: 'Familien Ørum' })).not.toHaveCount(0);
    await logout(page);
    await expect(field(page, 'Brugernavn')).toBeVisible();
  } finally {
    await server.stop();
  }
});
