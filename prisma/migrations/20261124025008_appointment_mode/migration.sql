-- CreateEnum
CREATE TYPE "AppointmentMode" AS ENUM ('in_person', 'video');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "mode" "AppointmentMode" NOT NULL DEFAULT 'in_person';
