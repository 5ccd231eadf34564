import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectBrowser, seriousA11yViolations, webUrl } from './support.js';

/*
 * An admin adds an author on the users page and hands over the generated password; the author
 * works on their own posts and images only, changes their password (their other sessions end),
 * and the admin resets, disables, unlocks and finally deletes the account, handing its posts
 * over. Each person browses from their own address, so login limits stay apart.
 */

const admin = inject('admin');
const stamp = Date.now();
const writer = { email: `writer-${stamp}@inkwell.test`, name: `Writer ${stamp}` };
const ownTitle = `A writer's own post ${stamp}`;

let browser: Browser;
let adminContext: BrowserContext;
let adminPage: Page;
let writerPassword: string;
let writerContext: BrowserContext;
let writerPage: Page;

async function newContext(address: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${webUrl}/admin/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function loggedIn(page: Page, email: string, password: string) {
  await logIn(page, email, password);
  await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
}

/** The row of the users table that shows `email`. */
const userRow = (page: Page, email: string) =>
  page.locator('.users-table tbody tr', { hasText: email });

async function generatedPassword(page: Page, email: string): Promise<string> {
  const notice = page.getByLabel('Generated password');
  await notice.waitFor();
  expect(await notice.textContent()).toContain(`Password for ${email}`);
  return (await notice.locator('code').textContent())!;
}

beforeAll(async () => {
  browser = await connectBrowser();
  adminContext = await newContext('198.51.100.60');
  adminPage = await adminContext.newPage();
  await loggedIn(adminPage, admin.email, admin.password);
  writerContext = await newContext('198.51.100.61');
  writerPage = await writerContext.newPage();
});

afterAll(async () => {
  await browser.close();
});

describe('the users page', () => {
  it('adds an author with a generated password, shown once', async () => {
    await adminPage.goto(`${webUrl}/admin/users`);
    expect(await userRow(adminPage, admin.email).textContent()).toContain('you');
    const form = adminPage.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(writer.email);
    await form.getByLabel('Name').fill(writer.name);
    await form.getByLabel('Role').selectOption('AUTHOR');
    await form.getByRole('button', { name: 'Add user' }).click();
    writerPassword = await generatedPassword(adminPage, writer.email);
    expect(writerPassword).toMatch(/^[\w-]{20}$/);
    const row = userRow(adminPage, writer.email);
    expect(await row.getByLabel(`Role of ${writer.email}`).inputValue()).toBe('AUTHOR');
    expect(await row.textContent()).toContain('Active');

    // Shown once: the list itself never shows it again.
    await adminPage.goto(`${webUrl}/admin/users`);
    expect(await adminPage.content()).not.toContain(writerPassword);
    expect(await seriousA11yViolations(adminPage)).toEqual([]);
  });

  it('the new author signs in with it; the users page is not theirs', async () => {
    await loggedIn(writerPage, writer.email, writerPassword);
    const nav = writerPage.getByRole('navigation', { name: 'Admin' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Your account' }).count()).toBe(1);
    await writerPage.goto(`${webUrl}/admin/users`);
    await writerPage.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await writerPage.textContent('body')).toContain('This needs the ADMIN role');

    await adminPage.goto(`${webUrl}/admin/users`);
    expect(await userRow(adminPage, writer.email).locator('time').count()).toBe(1);
  });
});

describe('an author in the admin panel', () => {
  it('edits only their own posts: others have no edit link, and no editor by URL', async () => {
    await writerPage.goto(`${webUrl}/admin/posts/new`);
    await writerPage.getByLabel('Title', { exact: true }).fill(ownTitle);
    await writerPage.getByRole('button', { name: 'Save draft' }).click();
    await writerPage.getByRole('status').filter({ hasText: 'Draft created.' }).waitFor();
    const ownEditPath = new URL(writerPage.url()).pathname;

    await writerPage.goto(`${webUrl}/admin/posts`);
    const rows = writerPage.locator('.admin-table tbody tr');
    const own = rows.filter({ hasText: ownTitle });
    expect(await own.getByRole('link', { name: ownTitle }).getAttribute('href')).toBe(ownEditPath);
    expect(await own.textContent()).toContain(writer.name);
    const others = rows.filter({ hasNotText: ownTitle });
    expect(await others.count()).toBeGreaterThan(0);
    expect(await others.locator('td:first-child a').count()).toBe(0);

    // The demo posts belong to no author: the admins' to change.
    await adminPage.goto(`${webUrl}/admin/posts`);
    const href = (await adminPage
      .locator('.admin-table tbody tr', { hasNotText: ownTitle })
      .first()
      .locator('td:first-child a')
      .getAttribute('href'))!;
    for (const path of [href, `${href}/delete`]) {
      await writerPage.goto(`${webUrl}${path}`);
      await writerPage.getByRole('heading', { name: 'Not allowed' }).waitFor();
      expect(await writerPage.textContent('body')).toContain('belongs to another author');
      expect(await writerPage.getByRole('button', { name: /Save|Delete/ }).count()).toBe(0);
    }
  });

  it('deletes only the images they uploaded', async () => {
    const upload = async (page: Page, name: string, blue: number) => {
      const png = await sharp({
        create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 20, b: blue } },
      })
        .png()
        .toBuffer();
      await page.goto(`${webUrl}/admin/images`);
      await page
        .getByLabel(/^Upload an image/)
        .setInputFiles({ name, mimeType: 'image/png', buffer: png });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Uploaded ${name}` })
        .waitFor();
    };
    await upload(adminPage, `admins-${stamp}.png`, 200);
    await upload(writerPage, `writers-${stamp}.png`, 100);

    await writerPage.goto(`${webUrl}/admin/images`);
    const card = (name: string) => writerPage.locator('.image-card', { hasText: name });
    expect(
      await card(`admins-${stamp}.png`)
        .getByRole('button', { name: /Delete/ })
        .count(),
    ).toBe(0);
    await card(`writers-${stamp}.png`)
      .getByRole('button', { name: /Delete/ })
      .click();
    await writerPage.getByRole('status').filter({ hasText: 'Image deleted.' }).waitFor();
    await expect.poll(() => card(`writers-${stamp}.png`).count()).toBe(0);
    expect(await card(`admins-${stamp}.png`).count()).toBe(1);
  });
});

describe('the account page', () => {
  it('draws the profile’s fields as the password form’s', async () => {
    await writerPage.goto(`${webUrl}/admin/account`);
    const look = (label: string) =>
      writerPage.getByLabel(label, { exact: true }).evaluate((input) => {
        const style = getComputedStyle(input);
        return { width: input.getBoundingClientRect().width, border: style.border };
      });
    const password = await look('Current password');
    expect(await look('Name')).toEqual(password);
    expect(await look('Address of your page')).toEqual(password);
  });
});

describe('changing one’s password', () => {
  it('needs the current one; the other sessions end, this one stays', async () => {
    const elsewhereContext = await newContext('198.51.100.62');
    const elsewhere = await elsewhereContext.newPage();
    await loggedIn(elsewhere, writer.email, writerPassword);

    await writerPage.goto(`${webUrl}/admin/account`);
    expect(await seriousA11yViolations(writerPage)).toEqual([]);
    const form = writerPage.getByRole('form', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('not the password');
    await form.getByLabel('New password', { exact: true }).fill('my own new password');
    await form.getByLabel('New password again').fill('my own new password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await writerPage.getByText('Current password is not your current password').waitFor();
    // Nothing typed is sent back into the page.
    expect(await writerPage.content()).not.toContain('my own new password');

    await form.getByLabel('Current password').fill(writerPassword);
    await form.getByLabel('New password', { exact: true }).fill('my own new password');
    await form.getByLabel('New password again').fill('my own new password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await writerPage
      .getByRole('status')
      .filter({ hasText: 'Password changed. Your other sessions were signed out' })
      .waitFor();

    await writerPage.goto(`${webUrl}/admin/posts`);
    expect(new URL(writerPage.url()).pathname).toBe('/admin/posts');
    await elsewhere.goto(`${webUrl}/admin/posts`);
    expect(new URL(elsewhere.url()).pathname).toBe('/admin/login');
    await loggedIn(elsewhere, writer.email, 'my own new password');
    writerPassword = 'my own new password';
    await elsewhereContext.close();
  });
});

describe('the admin looks after the account', () => {
  it('resets the password: a new one shown once, the author’s session ended', async () => {
    await adminPage.goto(`${webUrl}/admin/users`);
    await userRow(adminPage, writer.email)
      .getByRole('button', { name: `Reset password of ${writer.email}` })
      .click();
    writerPassword = await generatedPassword(adminPage, writer.email);
    await writerPage.goto(`${webUrl}/admin/posts`);
    expect(new URL(writerPage.url()).pathname).toBe('/admin/login');
    await loggedIn(writerPage, writer.email, writerPassword);
  });

  it('disables the author (signed out, no sign-in) and enables them again', async () => {
    await adminPage.goto(`${webUrl}/admin/users`);
    await userRow(adminPage, writer.email)
      .getByRole('button', { name: `Disable ${writer.email}` })
      .click();
    await adminPage.getByRole('status').filter({ hasText: 'is disabled' }).waitFor();
    // The notice can show a moment before the reloaded table does.
    await expect.poll(() => userRow(adminPage, writer.email).textContent()).toContain('Disabled');
    await writerPage.goto(`${webUrl}/admin/posts`);
    expect(new URL(writerPage.url()).pathname).toBe('/admin/login');
    await logIn(writerPage, writer.email, writerPassword);
    await expect
      .poll(() => writerPage.getByRole('alert').textContent())
      .toContain('This account is disabled');

    await userRow(adminPage, writer.email)
      .getByRole('button', { name: `Enable ${writer.email}` })
      .click();
    await adminPage.getByRole('status').filter({ hasText: 'can sign in again' }).waitFor();
    await loggedIn(writerPage, writer.email, writerPassword);
  });

  it('unlocks an account locked by wrong passwords', async () => {
    const guesser = await newContext('198.51.100.63');
    const page = await guesser.newPage();
    for (let i = 0; i < 5; i += 1) {
      await logIn(page, writer.email, `wrong guess ${i}`);
      await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    }
    await logIn(page, writer.email, writerPassword);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Too many failed logins for this account');

    await adminPage.goto(`${webUrl}/admin/users`);
    expect(await userRow(adminPage, writer.email).textContent()).toContain('Locked');
    await userRow(adminPage, writer.email)
      .getByRole('button', { name: `Unlock ${writer.email}` })
      .click();
    await adminPage.getByRole('status').filter({ hasText: 'can try to sign in again' }).waitFor();
    await expect.poll(() => userRow(adminPage, writer.email).textContent()).not.toContain('Locked');
    await loggedIn(page, writer.email, writerPassword);
    await guesser.close();
  });

  it('offers no way to disable or delete oneself', async () => {
    const own = userRow(adminPage, admin.email);
    expect(await own.getByRole('button', { name: /Disable|Delete/ }).count()).toBe(0);
    expect(await own.getByRole('combobox').count()).toBe(0);
  });

  it('deletes the author after handing their post to someone else', async () => {
    await userRow(adminPage, writer.email)
      .getByRole('button', { name: `Delete ${writer.email}` })
      .click();
    const confirm = adminPage.getByRole('form', { name: `Delete ${writer.email}` });
    await confirm.getByLabel(`Give the 1 post of ${writer.name} to`).selectOption({
      label: `admin (${admin.email})`,
    });
    await confirm.getByRole('button', { name: `Delete ${writer.name} for good` }).click();
    await adminPage.getByRole('status').filter({ hasText: 'User deleted.' }).waitFor();
    await expect.poll(() => userRow(adminPage, writer.email).count()).toBe(0);

    await adminPage.goto(`${webUrl}/admin/posts?q=${encodeURIComponent(ownTitle)}`);
    const row = adminPage.locator('.admin-table tbody tr', { hasText: ownTitle });
    expect(await row.textContent()).toContain('admin');
    await writerPage.goto(`${webUrl}/admin/posts`);
    expect(new URL(writerPage.url()).pathname).toBe('/admin/login');
  });
});
