/*
 * The message catalogue, /assets/messages/<language>.json: {name} placeholders, plural forms by Intl.PluralRules
 * category. Adding a language is adding its file: the page's meta forum-languages lists the catalogues there.
 */

let texts = {};
let plurals = new Intl.PluralRules('en');
export let locale = 'en';

/** The first wanted language available, exactly or by its base ("pt-BR" → "pt"), else English. */
export function pickLanguage(wanted, available) {
  const byTag = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  for (const tag of wanted.filter(Boolean)) {
    const match = byTag.get(tag.toLowerCase()) || byTag.get(tag.toLowerCase().split('-')[0]);
    if (match) {
      return match;
    }
  }
  return 'en';
}

/** Rejects when the catalogue cannot be read. */
export async function loadMessages(wanted) {
  const listed = document.querySelector('meta[name="forum-languages"]');
  const language = pickLanguage(wanted, ((listed && listed.content) || 'en').split(' ').filter(Boolean));
  const response = await fetch('/assets/messages/' + language + '.json', { credentials: 'omit' });
  texts = await response.json();
  locale = texts.locale || language;
  plurals = new Intl.PluralRules(locale);
  document.documentElement.lang = locale;
}

export const has = (name) => texts[name] !== undefined;

export function t(name, values) {
  let text = texts[name];
  if (text === undefined) {
    return name;
  }
  if (typeof text === 'object') {
    text = text[plurals.select(values.count)] || text.other;
  }
  return text.replace(/\{(\w+)\}/g, (match, field) => (values && values[field] !== undefined ? String(values[field]) : match));
}

export const formatDate = (date, options) => new Intl.DateTimeFormat(locale, options).format(new Date(date));
