import { Schema, type Connection } from "mongoose";

/** articles: the help center; _id is the article id (a file-name slug). */
const articleSchema = new Schema(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    tags: { type: [String], default: [] },
    body: { type: String, required: true },
    updatedAt: { type: String, required: true },
    // Why the article was held back from the bot (KnowledgeScreening); null: screened clean.
    screening: { type: Schema.Types.Mixed, default: null },
  },
  { collection: "articles", versionKey: false, strictQuery: true, minimize: false },
);

/** The articles model on one connection. */
export function articleModel(connection: Connection) {
  return connection.model("Article", articleSchema);
}

/** The articles model type. */
export type ArticleModel = ReturnType<typeof articleModel>;
