/**
 * What an editor or reviewer does in the Studio, as the person sees it: find fields by their
 * Chinese titles and buttons by their labels, wait for what appears on screen, never for a
 * fixed time. Sanity's form is a React app; these find its inputs by label and role only.
 */
import { expect } from 'vitest';
import type { Locator, Page as BrowserPage } from 'playwright-core';

export const UI_TIMEOUT = 30_000;

/** The open document's actions. */
function footer(page: BrowserPage): Locator {
  // The innermost block holding the action menu: the main action is beside it.
  return page
    .locator('div')
    .filter({ has: page.getByTestId('action-menu-button') })
    .last();
}

/** The block of the open document's actions that shows a badge naming `state` (草稿, 待审签, …). */
function badgeArea(page: BrowserPage, state: string): Locator {
  return page
    .locator('div')
    .filter({ has: page.getByTestId('action-menu-button') })
    .filter({ has: page.getByText(state, { exact: true }) })
    .last();
}

/** Waits until the open document's badge names `state`. */
export async function expectBadge(page: BrowserPage, state: string): Promise<void> {
  await badgeArea(page, state).waitFor({ timeout: UI_TIMEOUT });
}

/**
 * A document action by label: the main button when it is the one shown, else the entry in the
 * 「打开文档操作」 menu (which this opens).
 */
async function actionControl(page: BrowserPage, label: string): Promise<Locator> {
  const deadline = Date.now() + UI_TIMEOUT;
  const button = footer(page).getByTestId(`action-${label}`);
  const item = page.getByRole('menuitem', { name: label, exact: true });
  for (;;) {
    if (await button.isVisible()) return button;
    if (await item.isVisible()) return item;
    if (Date.now() > deadline) throw new Error(`「${label}」 is neither the main action nor in the actions menu`);
    // The footer re-renders after each action and may close a menu just opened: open it again.
    if (!(await page.getByRole('menu').isVisible())) await footer(page).getByTestId('action-menu-button').click();
    await item.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
}

/** Whether the control is disabled; undefined when it went away (a re-render closed the menu). */
async function isDisabled(control: Locator): Promise<boolean | undefined> {
  return control
    .evaluate(
      (element) =>
        element.hasAttribute('disabled') ||
        element.getAttribute('aria-disabled') === 'true' ||
        element.getAttribute('data-disabled') === 'true',
      undefined,
      { timeout: 1_000 },
    )
    .catch(() => undefined);
}

async function closeMenu(page: BrowserPage): Promise<void> {
  if (await page.getByRole('menu').isVisible()) await page.keyboard.press('Escape');
}

/** Runs an action once it is enabled (its availability is read after the last edit settles). */
export async function runAction(page: BrowserPage, label: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const control = await actionControl(page, label);
    const disabled = await isDisabled(control);
    // A click that cannot land (the menu closed under it) is tried again on the control found anew.
    if (
      disabled === false &&
      (await control.click({ timeout: 2_000 }).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (Date.now() > deadline)
      throw new Error(`「${label}」 stayed disabled: ${await control.getAttribute('title', { timeout: 1_000 }).catch(() => null)}`);
    if (disabled) await closeMenu(page);
    // Wait for the next render of the footer rather than a fixed time.
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

/**
 * The reason a disabled action gives when the person hovers it: the tooltip's text. Waits
 * until the action is disabled with a tooltip containing `expected`.
 */
export async function hoverReason(page: BrowserPage, label: string, expected: string): Promise<string> {
  let control: Locator | undefined;
  await expect
    .poll(
      async () => {
        control = await actionControl(page, label);
        return isDisabled(control);
      },
      { timeout: UI_TIMEOUT },
    )
    .toBe(true);
  await control!.hover();
  // Hidden copies of the text stay in the page; the tooltip is the one shown.
  const tooltip = page.getByText(expected).filter({ visible: true }).last();
  await tooltip.waitFor({ timeout: UI_TIMEOUT });
  const text = await tooltip.innerText();
  await closeMenu(page);
  return text;
}

/** What the badge naming `state` says when the person hovers it; waits until it contains `expected`. */
export async function badgeTooltip(page: BrowserPage, state: string, expected: string): Promise<string> {
  await badgeArea(page, state).getByText(state, { exact: true }).first().hover();
  const tooltip = page.getByText(expected).filter({ visible: true }).last();
  await tooltip.waitFor({ timeout: UI_TIMEOUT });
  return tooltip.innerText();
}

/**
 * Confirms the open dialog with `button`, after writing `text` into its text box if given. A
 * plain confirmation (同步发布) is a popover beside the button rather than a dialog.
 */
export async function confirmDialog(page: BrowserPage, button: string, text?: string): Promise<void> {
  const confirmation = page.locator('[data-ui="Popover"]').filter({ has: page.getByRole('button', { name: button, exact: true }) });
  const dialog = page.getByRole('dialog').or(confirmation).first();
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  if (text !== undefined) await dialog.getByRole('textbox').fill(text);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** The 审签 dialog: the signer ticks the 保密审查 statement (先审查后公开) and confirms. */
export async function confirmSignOff(page: BrowserPage): Promise<void> {
  const dialog = page.getByRole('dialog').first();
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  const confirm = dialog.getByRole('button', { name: '确认审签', exact: true });
  await expect.poll(() => confirm.isDisabled(), { timeout: UI_TIMEOUT }).toBe(true);
  await dialog.getByRole('checkbox').check();
  await confirm.click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Fills a text field by its title. */
export async function fillText(page: BrowserPage, title: string, value: string): Promise<void> {
  const box = page.getByRole('textbox', { name: title, exact: true });
  await box.fill(value);
  await expect.poll(() => box.inputValue(), { timeout: UI_TIMEOUT }).toBe(value);
}

/** A date field: typed, then left, which is when Sanity reads it. */
export async function fillDate(page: BrowserPage, title: string, value: string): Promise<void> {
  const box = page.getByRole('textbox', { name: title, exact: true });
  await box.fill(value);
  await box.press('Tab');
}

/** Picks the document a reference field points at, by searching for `search`. */
export async function pickReference(page: BrowserPage, title: string, search: string): Promise<void> {
  const box = page.getByRole('combobox', { name: title, exact: true });
  await box.fill(search);
  await page
    .getByRole('option', { name: new RegExp(search) })
    .first()
    .click({ timeout: UI_TIMEOUT });
  await box.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Writes paragraphs into a Portable Text field. */
export async function typeBody(page: BrowserPage, title: string, text: string): Promise<void> {
  const editor = page
    .getByRole('group')
    .filter({ has: page.getByText(title, { exact: true }) })
    .getByRole('textbox')
    .last();
  await editor.click();
  await page.keyboard.type(text);
  await page
    .getByRole('group')
    .filter({ has: page.getByText(title, { exact: true }) })
    .getByText(text)
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
}

/** Shows every field of the open document (the form opens on its 内容 group). */
export async function showAllFields(page: BrowserPage): Promise<void> {
  await page.getByRole('tab', { name: '所有字段' }).click();
}

/**
 * The text of the 验证 panel (field title, then its message, for each problem), opened if it
 * is not: everything around its heading up to, not including, the form beside it.
 */
export async function validationEntries(page: BrowserPage): Promise<string> {
  const heading = page.getByText('验证', { exact: true }).filter({ visible: true });
  if ((await heading.count()) === 0) await page.getByRole('button', { name: '验证', exact: true }).click();
  await heading.first().waitFor({ timeout: UI_TIMEOUT });
  return heading.first().evaluate((element) => {
    let panel = element as HTMLElement;
    while (panel.parentElement && !panel.parentElement.innerText.includes('所有字段')) panel = panel.parentElement;
    return panel.innerText;
  });
}
