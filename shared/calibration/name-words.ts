/**
 * English words that are also people's first names or surnames ("drew",
 * "will", "young", "price"). Blind mode's redactor replaces a person's name
 * written alone in lower case ("gabriel said", typed in a hurry), unless the
 * word is one of these: "she drew the diagram" keeps its verb when a manager
 * is called Drew. Teams and group values are not people's names and keep the
 * rule that a single word counts only when capitalised ("growth" is a word,
 * "Growth" the team). A name missing here is replaced in lower case too:
 * a word read as a name costs a sentence its sense, a name left in the text
 * costs the session its blindness.
 */
export const NAME_WORDS: ReadonlySet<string> = new Set(
  `
  will mark bill drew grant rose may june april august art guy pat sue rich sky hope faith joy dawn summer autumn
  winter ray gene jack frank max chase hunter carter mason miles wade lance rod chip buck bud don dean dale glen heath
  cliff brook river forest stone ivy holly lily daisy iris jade ruby pearl amber crystal rusty sandy sunny misty penny
  bob rob nick kit jay wren robin lark finch hawk grace patience prudence constance honor justice liberty trinity
  destiny harmony melody serenity charity mercy felicity sage sterling sonny rocky ginger candy cherry sherry brandy
  tom jimmy young white brown green black gray grey king long short small little cook baker smith hall wood woods hill
  moore ward fox west north south east lane bell page price cole rice day banks bush field fields marsh park parks bird
  bishop butler carpenter church clay cross dye fisher ford foster freeman gardner glass golden good goodman hardy head
  house hunt keen knight law lord love lamb major march miller mills moody noble oak palmer parsons person pike pope
  porter power rivers root rush salt sharp shepherd silver steel strong sweet swift temple thorn tower turner wall
  walker waters weaver wells wise wolf best bond bright case chance cannon cash cooper crane crow dove duke earl fair
  fine flower frost gold gross hale hand hay horn jewel judge kind mead merry moon more new plum post quick read reed
  rock sand savage snow spring stark storm summers sun tanner tucker vale vine ware well wild win worth wing lee ash
  bay beck brand burns chambers coffey cotton coy curry dancer dear diamond drake duncan english fleet fry gale gamble
  game hart hawkins heart hood hooker howard irons jolly joyner keys lock lucky mayo meadows mercer mint mold nation
  oliver orange paris pierce pool pound proud ridge roach rough rowe royal sale sexton shade shell shields slaughter
  sparks speed stamp steward stocks stroud suit tall toll trim twist underwood waller warren webb wheat whitehead
  whitlock wiley winters wolfe wolves yard
  `
    .split(/\s+/)
    .filter(Boolean),
);
