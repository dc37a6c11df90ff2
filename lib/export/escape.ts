/**
 * Text made safe for XML and HTML: element content and double- or single-quoted attribute values.
 * Characters XML 1.0 cannot hold at all (most C0 controls) are dropped, because a validator — and
 * ELAN — rejects the whole file for one of them, and none of them means anything in a note or label.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
