import { describe, expect, it } from "vitest";
import { routeMethods } from "./methods";

const ok = () => new Response("ok");

describe("routeMethods: the methods a route does not serve", () => {
  const route = routeMethods({ GET: ok, POST: ok });

  it("serves its own methods, and HEAD as GET", async () => {
    expect(await (await route.GET(new Request("http://x/a"))).text()).toBe("ok");
    expect(route.HEAD).toBe(route.GET);
    expect(route.POST).toBe(ok);
  });

  it.each(["PUT", "PATCH", "DELETE"] as const)(
    "answers %s with a 405, the allowed methods and the JSON error shape",
    async (method) => {
      const response = await route[method](new Request("http://x/a", { method, headers: { "accept-language": "en" } }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("method_not_allowed");
      expect(body.error.message).toContain(method);
    },
  );

  it("answers in French by default, and OPTIONS with the allowed methods", async () => {
    const post = routeMethods({ POST: ok });
    const response = await post.GET(new Request("http://x/a"));
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^La méthode GET n'est pas permise ici/,
    );
    expect(post.HEAD).not.toBe(ok);
    expect((await post.HEAD(new Request("http://x/a", { method: "HEAD" }))).status).toBe(405);
    const options = await post.OPTIONS(new Request("http://x/a", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST, OPTIONS");
  });
});
