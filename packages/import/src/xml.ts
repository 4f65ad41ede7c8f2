import { XMLParser } from 'fast-xml-parser';

/*
 * The Office XML readers' parser (DOCX and XLSX): fast-xml-parser in ordered mode, so a paragraph's runs and a
 * sheet's cells keep their document order; attributes unprefixed, values left as text (a cell's "007" stays
 * "007"), entities decoded, no HTML entities (Office XML has none).
 */

/** A node of the ordered tree: `{ tag: children, ':@': attributes }`, or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

/** The parser both readers use. */
export const xmlParser: XMLParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** The tag name of an ordered node (`#text` for text). */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

/** The children of an ordered node (none for text). */
export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** An attribute's value as text, or undefined. */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return value === undefined ? undefined : String(value);
}
