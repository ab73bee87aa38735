/** A choice among a few options, in a form read by its FormData (the back office's forms). */
export function RadioFieldset({
  legend,
  name,
  options,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={name} value={o.value} /> <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
