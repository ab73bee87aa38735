-- CreateEnum
CREATE TYPE "ExportKind" AS ENUM ('access', 'portability');

-- AlterTable
ALTER TABLE "DataExport" ADD COLUMN     "kind" "ExportKind" NOT NULL DEFAULT 'access';
