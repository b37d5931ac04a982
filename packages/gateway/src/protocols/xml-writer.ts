/**
 * A minimal XML writer for protocol responses: element and attribute escaping, and the removal of
 * characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
 */

// Characters outside XML 1.0's Char production; they cannot be written even as references.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};

/** Text content: `&`, `<`, `>` and carriage returns escaped (a raw CR would be normalized away). */
export const escapeXmlText = (text: string): string =>
  text.replace(NOT_XML_CHAR, '').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);

/** An attribute value: quotes and whitespace that attribute normalization would change, too. */
export const escapeXmlAttribute = (text: string): string =>
  text.replace(NOT_XML_CHAR, '').replace(/[&<>\r\n\t"']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);

export type XmlAttributes = Readonly<Record<string, string | undefined>>;

const attributesOf = (attributes: XmlAttributes): string =>
  Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');

/** `<name attrs>inner</name>`, where `inner` is already-written XML. */
export const xmlElement = (name: string, inner: string, attributes: XmlAttributes = {}): string =>
  `<${name}${attributesOf(attributes)}>${inner}</${name}>`;

/** `<name>text</name>` with the text escaped. */
export const xmlTextElement = (name: string, text: string, attributes: XmlAttributes = {}): string =>
  xmlElement(name, escapeXmlText(text), attributes);
