import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";

/** Any other path under /api/v1 answers in the API's JSON error shape. */
function unknownRoute(request: Request) {
  return handleApi(request, async () => {
    throw notFound({ fr: "Cette route de l'API n'existe pas.", en: "This API route does not exist." });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: unknownRoute,
  POST: unknownRoute,
  PUT: unknownRoute,
  PATCH: unknownRoute,
  DELETE: unknownRoute,
});
