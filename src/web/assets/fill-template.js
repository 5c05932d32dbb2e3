// "{length} van {limit} tekens" with the values in place; an unknown {name} stays as it is.
export const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
