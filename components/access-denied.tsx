/** What a signed-in staff member sees on a page their role does not open. */
export function AccessDenied({ text }: { text: string }) {
  return (
    <main className="narrow">
      <p className="notice warn" role="alert">
        {text}
      </p>
    </main>
  );
}
