import { z } from "zod";
import { emailAddress } from "@/lib/validation/text";

/** An e-mail address to send a code or a sign-in link to (shared by forms and server). */
export const ZSendEmailCode = z.object({ email: emailAddress });
export const ZVerifyEmailCode = ZSendEmailCode.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "code_invalid"),
});
