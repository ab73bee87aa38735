import { handleApi, notFound } from "@/lib/api/respond";

/** Any other path under /api/v1 answers in the API's JSON error shape. */
function unknownRoute(request: Request) {
  return handleApi(request, async () => {
    throw notFound({ fr: "Cette route de l'API n'existe pas.", en: "This API route does not exist." });
  });
}

export { unknownRoute as DELETE, unknownRoute as GET, unknownRoute as PATCH, unknownRoute as POST, unknownRoute as PUT };
