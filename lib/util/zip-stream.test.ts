import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toWebStream, zipStream } from "./zip-stream";

async function* lines(n: number) {
  for (let i = 0; i < n; i++) yield `ligne ${i} — é\n`;
}

describe("zipStream", () => {
  it("writes each entry as it comes; the archive opens with every file whole", async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of zipStream([
      { name: "a.txt", content: lines(5000) },
      {
        name: "dossier/b.json",
        content: (async function* () {
          yield "[";
          yield "1,2";
          yield "]";
        })(),
      },
    ])) {
      chunks.push(chunk);
    }
    expect(chunks.length).toBeGreaterThan(2);
    const files = unzipSync(Buffer.concat(chunks));
    expect(Object.keys(files)).toEqual(["a.txt", "dossier/b.json"]);
    expect(strFromU8(files["a.txt"]!).split("\n")).toHaveLength(5001);
    expect(strFromU8(files["a.txt"]!)).toContain("ligne 4999 — é");
    expect(JSON.parse(strFromU8(files["dossier/b.json"]!))).toEqual([1, 2]);
  });

  it("reads through a web stream", async () => {
    const stream = toWebStream(zipStream([{ name: "x.csv", content: lines(3) }]));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(strFromU8(unzipSync(bytes)["x.csv"]!)).toBe("ligne 0 — é\nligne 1 — é\nligne 2 — é\n");
  });
});
