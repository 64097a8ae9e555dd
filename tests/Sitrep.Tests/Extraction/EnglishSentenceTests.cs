namespace Sitrep.Tests.Extraction;

/// <summary>One English phenomenon per row, in sentences written for these tests (published Wednesday 17 March 2021 unless said).</summary>
public sealed class EnglishSentenceTests
{
    private const string Day = "2021-03-17";

    [Theory]
    // a battle word makes an armed clash
    [InlineData("Rebels and government troops clashed near Goma on Tuesday.", "type=Battles;sub=Armed clash")]
    // artillery words make shelling
    [InlineData("Howitzer shells hit the outskirts of Donetsk overnight.", "type=Explosions/Remote violence;sub=Shelling/artillery/missile attack")]
    // air strikes outrank the generic word
    [InlineData("Warplanes carried out airstrikes on a market in Idlib.", "sub=Air/drone strike")]
    // a planted device
    [InlineData("A roadside bomb struck a police convoy near Kandahar.", "sub=Remote explosive/landmine/IED")]
    // a hand grenade
    [InlineData("Unknown men hurled a grenade into a bar in Bujumbura.", "sub=Grenade")]
    // suicide attack beats the generic bomb
    [InlineData("A suicide bomber blew himself up at a checkpoint in Mogadishu.", "sub=Suicide bomb")]
    // kidnapping is an abduction
    [InlineData("Gunmen kidnapped 11 passengers on the highway near Kaduna.", "type=Violence against civilians;sub=Abduction/forced disappearance")]
    // a rally is a peaceful protest
    [InlineData("Hundreds of nurses rallied outside the parliament in Lima demanding higher pay.", "type=Protests;sub=Peaceful protest")]
    // police action told in the next sentence is an intervention in the protest
    [InlineData("Teachers protested in Dhaka. Riot police used water cannon to disperse them.", "sub=Protest with intervention;events=1")]
    // a crowd (ACLED's size tag) that throws stones with no demonstration word is a mob
    [InlineData("Villagers pelted stones at police officers in Bhopal. [size=dozens]", "sub=Mob violence")]
    // a demonstration followed by clashes with the police turned violent
    [InlineData("Workers demonstrated in Kyiv over unpaid wages. Clashes with the police broke out at noon.", "sub=Violent demonstration;events=1")]
    // a grenade answered with fire in the next sentence was a fight: one armed clash
    [InlineData("Militants threw a grenade at a police post in Beledweyne. The officers fired back.", "sub=Armed clash;events=1")]
    // shelling seen going both ways is a clash
    [InlineData("Monitors recorded 40 explosions in both directions near the line of contact.", "sub=Armed clash")]
    // shelling nobody answered stays shelling
    [InlineData("Militants shelled a police post in Beledweyne overnight.", "sub=Shelling/artillery/missile attack")]
    // "exchanging fire" and "gun battle" name a clash as surely as "exchanged fire"
    [InlineData("A suspect died after exchanging fire with the police in Recife.", "type=Battles;sub=Armed clash")]
    [InlineData("Two bandits died in a gun battle with soldiers near Gusau.", "type=Battles;sub=Armed clash")]
    // the arrest a protest is against, past a parenthesis, and told again in the next sentence, is its grievance
    [InlineData("Lawyers protested in Quetta (Balochistan), against the overnight arrest of a union leader. He was arrested at his home.", "sub=Peaceful protest")]
    // an arrest of the protesters themselves is an intervention
    [InlineData("Lawyers protested in Quetta against new court fees. Police arrested twelve of the protesters.", "sub=Protest with intervention")]
    // protesters throwing stones riot
    [InlineData("Students protested in Abuja and pelted stones at the governor's car.", "type=Riots;sub=Violent demonstration")]
    // a crowd killing someone is mob violence
    [InlineData("An angry crowd lynched a suspected thief in Kisumu.", "type=Riots;sub=Mob violence")]
    // arrests by the state
    [InlineData("Police arrested 12 opposition activists in Minsk.", "type=Strategic developments;sub=Arrests")]
    // arrests by an armed group are abductions
    [InlineData("Taliban fighters detained four aid workers in Ghazni.", "sub=Abduction/forced disappearance")]
    // looting
    [InlineData("Militiamen looted shops in the market of Bunia.", "sub=Looting/property destruction")]
    // a state's forces taking ground regain territory
    [InlineData("Syrian troops recaptured the town of Palmyra.", "sub=Government regains territory")]
    // a non-state group taking ground overtakes territory
    [InlineData("The Houthis seized control of the district of Nihm.", "sub=Non-state actor overtakes territory")]
    // rebels named by a common noun taking a town from the army overtake territory
    [InlineData("Rebels captured the town of Menaka from the army on Monday.", "sub=Non-state actor overtakes territory")]
    // separatist forces taking a village overtake it
    [InlineData("Separatist forces captured the village of Vodiane on Sunday.", "sub=Non-state actor overtakes territory")]
    // soldiers retaking a town from militants regain it
    [InlineData("Soldiers retook the town of Damasak from the militants.", "sub=Government regains territory")]
    // a truce is an agreement
    [InlineData("The two militias signed a truce in Tripoli on Monday.", "sub=Agreement")]
    // defusing is disrupted weapons use
    [InlineData("Engineers defused a landmine near Mosul.", "sub=Disrupted weapons use")]
    // an attack verb against an unarmed target is violence against civilians
    [InlineData("Gunmen attacked a village in Zamfara.", "type=Violence against civilians;sub=Attack")]
    // the same verb against an armed target is a clash
    [InlineData("Insurgents attacked an army base in Borno.", "type=Battles;sub=Armed clash")]
    // small arms beside mortars mean contact: a clash
    [InlineData("Separatist units fired mortars and small arms at positions near Avdiivka.", "sub=Armed clash")]
    // explosions seen by monitors are shelling
    [InlineData("Monitors observed 40 explosions near Horlivka.", "sub=Shelling/artillery/missile attack")]
    // an exact figure with its victims
    [InlineData("Three villagers died in the raid on Tuesday.", "count=3;category=civilian;outcome=killed;best=3")]
    // at least: a floor with no ceiling
    [InlineData("At least 14 people were shot dead in Maiduguri.", "count=14;min=14;max=null;best=14;high=null")]
    // more than: the floor is the next number
    [InlineData("More than 20 fighters lost their lives in the battle.", "min=21;max=null;category=combatant")]
    // hundreds: vague bounds, ACLED's single number for best
    [InlineData("Hundreds of civilians perished in the siege of the town.", "count=null;min=200;max=999;approx=true;best=100")]
    // dozens wounded
    [InlineData("Dozens of demonstrators were injured by rubber bullets.", "outcome=wounded;min=20;max=99;category=protester")]
    // not reporting losses is a negated record with no count, never zero
    [InlineData("The ministry did not report any casualties among its personnel.", "cstatus=negated;count=null;category=military")]
    // "no deaths" is negated too
    [InlineData("No deaths were reported after the blast in Kabul.", "cstatus=negated;count=null;low=null")]
    // a conditional attack is hypothetical
    [InlineData("The rebels would attack the capital if talks fail.", "status=hypothetical;none")]
    // a planned offensive is future
    [InlineData("The army will launch an offensive next week.", "status=future;none")]
    // a threat is a statement, and what is threatened is not an event
    [InlineData("The militia threatened to storm the city and attack the airport.", "type=Statements;sub=Threat;events=1")]
    // an earlier year makes it historical
    [InlineData("In 1994, militias attacked the town.", "status=historical;none")]
    // "in those days" looks back to an earlier time named before: the bombing then is background
    [InlineData("In those days, at least 60 civilians died in a bombing at the bus station.", "status=historical;cstatus=historical;min=60;none")]
    // a toll of the 1990s is historical and never current
    [InlineData("The war in the 1990s left 20,000 dead.", "cstatus=historical;count=20000;none")]
    // a past war's toll with no time of its own has no date, never the publication date
    [InlineData("The earlier war left 3,000 dead in the valley.", "status=historical;date=null")]
    // a historical event dated by a year of its own takes that year
    [InlineData("In 1995, militiamen shelled the town.", "status=historical;date=1995-01-01;end=1995-12-31;precision=year")]
    // a decade is its ten years
    [InlineData("Thousands of villagers were killed in the 1980s.", "status=historical;date=1980-01-01;end=1989-12-31;precision=year")]
    // a year after "since" is a comparison: no event then, and the event stays current
    [InlineData("The shelling was the heaviest since 2014.", "status=current;noyear=2014")]
    // "according to" names the claimant: an institution and its owner
    [InlineData("Eight troops died, according to the Ukrainian army.", "claimant~=Military Forces of Ukraine")]
    // "told Reuters": the relay of the claim
    [InlineData("Six policemen were wounded, an official told Reuters.", "via=Reuters;category=police")]
    // the subject of "said" is the claimant
    [InlineData("The Nigerian army said 30 militants died in the operation.", "count=30;claimant~=Nigeria")]
    // after a quote, the speaker follows the verb
    [InlineData("\"Nine insurgents died in the operation,\" said the Iraqi defence ministry.", "count=9;claimant~=Ministry of Defence of Iraq")]
    // a figure in one sentence, its claimant in the next
    [InlineData("Four civilians died in the blast. The Afghan interior ministry said so on Friday.", "count=4;claimant~=Ministry of Interior of Afghanistan")]
    // a belligerent's claim about enemy losses raises only the high estimate
    [InlineData("Rebels ambushed a patrol and 5 troops died. The army says it killed dozens of enemy fighters.", "low=5;best=5;high=104")]
    // different claimants giving different figures for the same victims contradict each other
    [InlineData("Police said two protesters died, while organisers said seven protesters died.", "contradicts;low=2;high=7")]
    // two sides each claiming the same ground contradict each other
    [InlineData("Yemen's army said it recaptured Marib, but the Houthis said they seized control of the city.", "contradicts;claim~=Houthis")]
    // an appeal
    [InlineData("The African Union urged both sides to lay down their arms.", "type=Statements;sub=Appeal;actor1~=African Union")]
    // capitals stand for governments in statements
    [InlineData("Kyiv accused Moscow of violating the ceasefire.", "sub=Accusation;actor1~=Government of Ukraine;actor2~=Government of Russia;events=1")]
    // a denial
    [InlineData("Kigali denied the accusation on Monday.", "sub=Denial")]
    // a meeting is diplomatic contact
    [InlineData("The Turkish foreign minister met with his Iranian counterpart in Tehran.", "sub=Diplomatic contact")]
    // a weekday is the last such day on or before publication
    [InlineData("Militants raided a police post on Sunday.", "date=2021-03-14;precision=day")]
    // yesterday
    [InlineData("Two soldiers died in an ambush yesterday.", "date=2021-03-16;precision=day")]
    // an explicit date
    [InlineData("On 9 March 2021, gunmen abducted a priest in Enugu.", "date=2021-03-09;end=2021-03-09")]
    // no date words: the publication date, as known
    [InlineData("Gunmen abducted a priest in Enugu.", "date=2021-03-17;precision=day")]
    // pro-X names the side
    [InlineData("Fifteen pro-Houthi fighters died in the clashes near Sirwah.", "side=Houthis;count=15")]
    // a demonym names the side
    [InlineData("Four Malian troops died in the ambush.", "side=Mali")]
    // an article before a victim is one person
    [InlineData("A farmer was shot dead near Jos.", "count=1;best=1;sub=Attack")]
    // a killing with no numeral, its victim named by trade, counts one
    [InlineData("Gunmen killed a doctor in Maiduguri.", "count=1;best=1;category=civilian")]
    // two people of the same group named apart by one source add up
    [InlineData("Gunmen killed a nurse and a pastor near Bama.", "low=2;best=2;high=2")]
    // an ordinal is not a toll
    [InlineData("Gunmen killed two farmers, the 40th such killing in the state this year.", "best=2;low=2;high=2")]
    // a sports score is not a toll
    [InlineData("The Bulls killed the Knicks in a 121-98 rout on Sunday.", "none")]
    // figures for different victims add up
    [InlineData("Three police officers and two civilians died in the attack on the convoy.", "best=5;low=5")]
    // figures for the same victims from two claimants are alternatives, not a sum
    [InlineData("Police said 4 civilians died; residents said 9 civilians died in the raid.", "low=4;best=4;high=9")]
    // a count naming the side and a rival count from another claimant naming none are the same victims, not a sum
    [InlineData("Police said 12 Nigerian villagers died in the raid. Residents said 19 villagers died.", "low=12;best=12;high=19")]
    // a bare toll from a claimant who named no group is a rival count, not a restated total
    [InlineData("The army said 12 civilians died in the attack. A local official said 19 were killed.", "low=12;best=12;high=19")]
    // civilians of two different sides add up
    [InlineData("Five Azerbaijani civilians and two Armenian civilians were killed in the shelling.", "low=7;best=7;high=7")]
    // the perpetrator after "by" is not a victim
    [InlineData("A man was killed by an unknown gunman in Kano.", "best=1;category=civilian")]
    // a closing toll that names no victims restates the total
    [InlineData("A trader was shot dead in Kano. 1 fatality.", "best=1;low=1")]
    public void English_sentence(string text, string expectations) => SentenceExpectations.Check("en", text, Day, expectations);

    [Fact]
    public void A_weekday_with_a_month_only_publication_date_is_placed_in_the_month()
    {
        SentenceExpectations.Check("en", "Shelling resumed on Friday near the airport.", "2021-03", "date=2021-03-01;end=2021-03-31;precision=month");
    }

    [Theory]
    // a shot in sport
    [InlineData("The striker's shot from the edge of the box was saved by the goalkeeper.")]
    // basketball
    [InlineData("She scored a shot from the three-point line in the final seconds.")]
    // a film that flopped
    [InlineData("The sequel was a box-office bomb despite its budget.")]
    // markets
    [InlineData("Grain prices exploded after the harvest failed.")]
    // politics as war
    [InlineData("The senators waged a political war over the budget.")]
    // trade
    [InlineData("A trade war between the two countries hurt exports.")]
    // medicine
    [InlineData("Her uncle suffered a heart attack on Sunday.")]
    // a commemoration of a past battle
    [InlineData("Veterans gathered for the anniversary of the battle of Kursk.")]
    // a team's attack
    [InlineData("The team's attack was the best in the league this season.")]
    // a sport word far from the verb, in a sentence with no victim, weapon or armed actor
    [InlineData("Their attack finally broke through late in the second half, and the referee added four minutes.")]
    // a match score alone says the sentence is about a game
    [InlineData("Porto crushed the visitors 4-0 and destroyed their hopes of a title.")]
    // chess
    [InlineData("White opened an attack on the queenside and captured two pawns before the time control in this chess final.")]
    // fire-fighting
    [InlineData("Crews battled the wildfire through the night as strong winds fanned the flames.")]
    // food writing
    [InlineData("The chef's chocolate dessert is a real bomb, according to the critics.")]
    // a drill or simulation
    [InlineData("Marines carried out an exercise simulating an assault on a coastal base.")]
    // a festival told as a storm
    [InlineData("Fans stormed the gates on the first day of the music festival.")]
    // the Second World War named without "World War"
    [InlineData("The town held a parade on the day the Second World War ended in Europe, with veterans fighting back tears.")]
    public void English_sentences_that_only_look_violent_make_no_current_event(string text) =>
        SentenceExpectations.Check("en", text, Day, "none");

    [Theory]
    // a setting word does not cancel an attack that names its victims
    [InlineData("Gunmen opened fire on fans outside the stadium after the match, killing three people.", "sub=Attack;best=3")]
    // nor one that names the attackers' weapon
    [InlineData("A grenade thrown at the festival crowd in the main square wounded twelve civilians.", "type=Explosions/Remote violence")]
    // nor one whose attackers are armed
    [InlineData("Militants attacked the referee's convoy near the border.", "type=Battles")]
    // a metaphor binds only its phrase: clashes during a budget debate are real
    [InlineData("Police fired tear gas as protesters clashed with officers outside parliament during the budget vote.", "type=Riots")]
    public void English_violence_in_a_settings_sentence_is_kept_when_the_sentence_shows_conflict(string text, string expectations) =>
        SentenceExpectations.Check("en", text, Day, expectations);
}
