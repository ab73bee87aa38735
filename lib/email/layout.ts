import type { Locale } from "@/lib/i18n/locale";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Blocks an e-mail is made of; each renders to accessible HTML and to plain text. */
export type EmailBlock =
  | { kind: "p"; text: string }
  | { kind: "code"; text: string }
  | { kind: "button"; label: string; href: string }
  | { kind: "table"; caption: string; head: string[]; rows: string[][] }
  | { kind: "list"; items: string[] };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const FOOTER = {
  fr: "Portail des droits des patients · Délégué à la protection des données. Ce message vous est envoyé parce qu'une démarche a été faite avec cette adresse e-mail.",
  en: "Patient rights portal · Data protection officer. You receive this message because a request was made with this e-mail address.",
};

export function renderEmail(locale: Locale, subject: string, title: string, blocks: EmailBlock[]): RenderedEmail {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5">
<main style="max-width:640px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(title)}</h1>
${blocks.map(blockHtml).join("\n")}
<p style="font-size:13px;color:#4a4a4a;margin-top:32px">${escapeHtml(FOOTER[locale])}</p>
</main></body></html>`;
  const text = [title, "", ...blocks.map(blockText), "", FOOTER[locale]].join("\n");
  return { subject, html, text };
}

function blockHtml(b: EmailBlock): string {
  switch (b.kind) {
    case "p":
      return `<p>${escapeHtml(b.text)}</p>`;
    case "code":
      return `<p style="font-size:28px;letter-spacing:6px;font-weight:bold">${escapeHtml(b.text)}</p>`;
    case "button":
      return `<p><a href="${escapeHtml(b.href)}" style="display:inline-block;background:#0b4f9c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(b.label)}</a></p>`;
    case "table":
      return `<table style="border-collapse:collapse;width:100%;margin:12px 0"><caption style="text-align:left;font-weight:bold;padding-bottom:6px">${escapeHtml(b.caption)}</caption>
<thead><tr>${b.head.map((h) => `<th scope="col" style="text-align:left;border-bottom:2px solid #ccd3da;padding:6px">${escapeHtml(h)}</th>`).join("")}</tr></thead>
<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td style="border-bottom:1px solid #e2e6ea;padding:6px">${escapeHtml(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
  }
}

function blockText(b: EmailBlock): string {
  switch (b.kind) {
    case "p":
      return `${b.text}\n`;
    case "code":
      return `    ${b.text}\n`;
    case "button":
      return `${b.label}: ${b.href}\n`;
    case "table":
      return `${b.caption}\n${b.rows.map((r) => `- ${r.map((c, i) => `${b.head[i]}: ${c}`).join(" · ")}`).join("\n")}\n`;
    case "list":
      return `${b.items.map((i) => `- ${i}`).join("\n")}\n`;
  }
}
