// name: dismiss_introduction
// mode: write
// params: user, pair, now
// returns: one row with the pair now dismissed for the account (MERGE: dismissing twice keeps one)
MERGE (d:DismissedIntroduction {user: $user, pair: $pair})
  ON CREATE SET d.at = $now
RETURN d.pair AS pair
