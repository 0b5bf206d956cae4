// name: list_dismissed_introductions
// mode: read
// params: user
// returns: the suggested introductions one account has dismissed: pair ("<uid>|<uid>", the
//          smaller uid first)
MATCH (d:DismissedIntroduction {user: $user})
RETURN d.pair AS pair
ORDER BY pair
