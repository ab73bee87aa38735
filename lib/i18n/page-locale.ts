import { notFound } from "next/navigation";
import { isLocale, type Locale } from "./locale";

/** The locale of a page's `[locale]` segment; unknown ones are a 404. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}
