const [name] = process.argv.slice(2);
const mod = await import(`./${name}.mjs`);
const fn = Object.values(mod).find((v) => typeof v === 'function');
console.table(await fn());
