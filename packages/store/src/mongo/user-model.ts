import { Schema, type Connection } from "mongoose";
import { Availability, Role, UserStatus } from "@handoff/contracts";
import { DEFAULT_CAPACITY } from "../shared/user-patch";

/** users: console users; _id is the user id. */
const userSchema = new Schema(
  {
    _id: { type: String, required: true },
    // Stored normalised (trimmed, lower-cased), so the unique index ignores case.
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, default: "" },
    role: { type: String, required: true, enum: Role.options },
    // Accounts stored before deactivation existed read as active.
    status: { type: String, enum: UserStatus.options, default: "active" },
    availability: { type: String, enum: Availability.options, default: "available" },
    capacity: { type: Number, default: DEFAULT_CAPACITY },
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "users", versionKey: false, strictQuery: true },
);
// One account per email; also the sign-in lookup.
userSchema.index({ email: 1 }, { unique: true });

/** The users model on one connection. */
export function userModel(connection: Connection) {
  return connection.model("User", userSchema);
}

/** The users model type. */
export type UserModel = ReturnType<typeof userModel>;
