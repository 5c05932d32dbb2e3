/**
 * Staff write statements as plain text: a blank line between paragraphs, "## " before a heading,
 * "- " before each item of a list. Rendered as escaped elements, so no markup they type is ever
 * HTML. `{name}` becomes the organisation's name.
 */
export function StatementText(props: { text: string; name: string }) {
  const blocks = props.text
    .replaceAll('{name}', props.name)
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block) => {
        const lines = block.split('\n').map((line) => line.trim());
        if (lines.length === 1 && lines[0].startsWith('## ')) return <h2>{lines[0].slice(3)}</h2>;
        const heading = lines[0].startsWith('## ') ? <h2>{lines.shift()?.slice(3)}</h2> : null;
        const items = lines.filter((line) => line.startsWith('- '));
        if (items.length > 0 && items.length === lines.length) {
          return (
            <>
              {heading}
              <ul>
                {items.map((item) => (
                  <li>{item.slice(2)}</li>
                ))}
              </ul>
            </>
          );
        }
        return (
          <>
            {heading}
            {lines.length > 0 && <p>{lines.join(' ')}</p>}
          </>
        );
      })}
    </>
  );
}
