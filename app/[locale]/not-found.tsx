import Link from "next/link";
import { messages } from "@/lib/i18n/messages";

export default function NotFound() {
  const fr = messages("fr").notFound;
  const en = messages("en").notFound;
  return (
    <main className="narrow">
      <h1>{fr.title}</h1>
      <p>{fr.text}</p>
      <p>
        <Link href="/fr">{fr.home}</Link>
      </p>
      <div lang="en">
        <h2>{en.title}</h2>
        <p>{en.text}</p>
        <p>
          <Link href="/en">{en.home}</Link>
        </p>
      </div>
    </main>
  );
}
