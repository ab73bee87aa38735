import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { receivedAtFromForm } from "./form-received-at";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("a receipt time typed as a Paris date and time", () => {
  it("becomes the instant (winter: UTC+1)", () => {
    expect(
      receivedAtFromForm(form({ receivedDay: "2026-11-02", receivedTime: "10:30" }), "received", "receivedAt"),
    ).toBe("2026-11-02T09:30:00.000Z");
  });

  it("takes the fallback when nothing was typed, and 09:00 when only the day was", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(receivedAtFromForm(form({}), "received", "receivedAt", now)).toBe(now.toISOString());
    expect(receivedAtFromForm(form({ receivedDay: "2026-07-01" }), "received", "receivedAt")).toBe(
      "2026-07-01T07:00:00.000Z",
    );
  });

  it.each<Record<string, string>>([
    {},
    { receivedDay: "01/11/2026" },
    { receivedDay: "2026-11-02", receivedTime: "25:00" },
  ])("refuses %j with a field error", (fields) => {
    try {
      receivedAtFromForm(form(fields), "received", "receivedAt");
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual([{ path: "receivedAt", key: "datetime" }]);
    }
  });

  it("refuses a day outside the portal's calendar (year 0001, year 9999) before any date arithmetic", () => {
    for (const [receivedDay, key] of [
      ["0001-01-01", "date_range"],
      ["9999-12-31", "date_too_late"],
    ]) {
      try {
        receivedAtFromForm(form({ receivedDay: receivedDay!, receivedTime: "10:00" }), "received", "receivedAt");
        throw new Error("accepted");
      } catch (error) {
        expect((error as AppError).fields).toEqual([{ path: "receivedAt", key }]);
      }
    }
  });
});
