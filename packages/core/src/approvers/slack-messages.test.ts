import { describe, expect, it } from "vitest";
import { SLACK_ACTIONS, SlackBlockActions, slackDecision } from "./slack-messages";

const click = (actionId: string, reason?: string) =>
  SlackBlockActions.parse({
    type: "block_actions",
    user: { id: "U024BE7LH", name: "sam" },
    actions: [{ action_id: actionId, value: "review-1", type: "button" }],
    response_url: "https://hooks.slack.com/actions/T1/1/abc",
    state: {
      values: {
        [SLACK_ACTIONS.reasonBlock]: {
          [SLACK_ACTIONS.reasonInput]: { type: "plain_text_input", value: reason ?? null },
        },
      },
    },
  });

describe("reading a Slack button click", () => {
  it("names the action, the review and the reason typed in the message", () => {
    expect(slackDecision(click(SLACK_ACTIONS.approve))).toEqual({
      action: "approve",
      reviewId: "review-1",
      reason: "",
    });
    expect(slackDecision(click(SLACK_ACTIONS.reject, "  wrong policy "))).toEqual({
      action: "reject",
      reviewId: "review-1",
      reason: "wrong policy",
    });
    expect(slackDecision(click("something.else")).action).toBe("other");
  });
});
