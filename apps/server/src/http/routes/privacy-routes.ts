import type { Request, Response } from "express";
import { CustomerEraseRequest, CustomerLookup } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

/** GET /api/privacy/export?email=|externalId=|conversationId= (supervisors): everything about one customer. */
export const exportCustomer = (platform: Platform) => async (req: Request, res: Response) => {
  const lookup = CustomerLookup.parse(req.query);
  const data = await platform.privacy.export(lookup, currentActor(res));
  res.attachment("customer-export.json").json(data);
};

/** POST /api/privacy/erase (supervisors): deletes everything about one customer; audited. */
export const eraseCustomer = (platform: Platform) => async (req: Request, res: Response) => {
  const { customer } = CustomerEraseRequest.parse(req.body);
  res.json({ erased: await platform.privacy.erase(customer, currentActor(res)) });
};
