/** The sign-out button: a POST form (a link could be triggered by another site), keeping the language. */
export function SignOutForm({ action, locale, label }: { action: string; locale: string; label: string }) {
  return (
    <form action={action} method="post">
      <input type="hidden" name="locale" value={locale} />
      <button className="link-button" type="submit">
        {label}
      </button>
    </form>
  );
}
