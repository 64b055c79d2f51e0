import { groupsWithoutAccessGroup } from "../../../../src/cloudflare/private/access-application-schema";

describe("groupsWithoutAccessGroup", () => {
  it("lists allowed groups that have no Access group", () => {
    expect(groupsWithoutAccessGroup(["Engineering"], ["Engineering", "Sales"])).toEqual(["Sales"]);
  });
});
