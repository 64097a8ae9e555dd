namespace Sitrep.Tests.Extraction;

/// <summary>
/// The sub-event types that real news gives with no violence word or with a telling detail: strategic
/// developments (weapons disrupted, a base set up, a group changed, ground handed over, an agreement), the
/// protest family (violent or peaceful, excessive force, intervention), chemical weapons and ground regained
/// by the state. One phenomenon a row, in sentences written for these tests (published 17 March 2021).
/// </summary>
public sealed class SubEventSentenceTests
{
    private const string Day = "2021-03-17";

    [Theory]
    // the act of defusing outranks the device defused: it never went off
    [InlineData("An IED planted on the road was defused by army engineers near Kandahar.", "type=Strategic developments;sub=Disrupted weapons use")]
    // demining is disrupted weapons use, not a landmine attack
    [InlineData("Demining teams cleared forty landmines from farmland near Izium.", "sub=Disrupted weapons use")]
    // weapons seized in a raid: the seizure, not the raid
    [InlineData("Police seized arms and ammunition in a raid on a house in Kirkuk.", "sub=Disrupted weapons use")]
    // an arms depot found
    [InlineData("Soldiers found an arms depot belonging to the militants near Gao.", "sub=Disrupted weapons use")]
    // a base set up
    [InlineData("The militia set up a base in an abandoned school near Djugu.", "sub=Headquarters or base established")]
    // a headquarters established
    [InlineData("The rebels established their headquarters in the town hall of Kidal.", "sub=Headquarters or base established")]
    // a new military base opened
    [InlineData("Peacekeepers opened a new military base near Bunia on Monday.", "sub=Headquarters or base established")]
    // weapons seized beside arrests: the arrests, told first, decide
    [InlineData("Police arrested nine gang members after an operation in which weapons and ammunition were seized.", "sub=Arrests")]
    // a headquarters attacked is a target, not a new base
    [InlineData("Insurgents attacked the police headquarters in Kidal.", "type=Battles;sub=Armed clash")]
    // allegiance sworn to another group
    [InlineData("A local militia pledged allegiance to the Islamic State near Palma.", "type=Strategic developments;sub=Change to group/activity")]
    // two groups merged under one command
    [InlineData("Three armed factions merged under a single command near Idlib.", "sub=Change to group/activity")]
    // a group split
    [InlineData("The rebel movement split into two rival factions after its leader died.", "sub=Change to group/activity")]
    // soldiers changing sides
    [InlineData("Forty soldiers defected to the rebels in the north of the province.", "sub=Change to group/activity")]
    // ground handed over after a withdrawal
    [InlineData("The militants left the village and handed control to tribal elders.", "sub=Non-violent transfer of territory")]
    // ground taken without a fight is not a battle
    [InlineData("Government forces took control of the town without a fight after the militia withdrew.", "type=Strategic developments;sub=Non-violent transfer of territory")]
    // ground taken after fighting stays a change of territory
    [InlineData("Government forces took control of the town after heavy fighting with the militia.", "sub=Government regains territory")]
    // prisoners exchanged
    [InlineData("The army and the rebels exchanged prisoners near Marib on Sunday.", "sub=Agreement")]
    // a peace agreement signed
    [InlineData("The government and the armed group signed a peace agreement in Juba.", "sub=Agreement")]
    // warning shots with no target are ACLED's "Other"
    [InlineData("Border guards fired warning shots near the village as shepherds crossed the line.", "type=Strategic developments;sub=Other")]
    // protesters smashing windows riot
    [InlineData("Demonstrators smashed shop windows during a rally in Minsk.", "type=Riots;sub=Violent demonstration")]
    // records smashed in a business story are no crowd's damage
    [InlineData("The new servers smashed records in the industry's toughest benchmark tests, the company said.", "none")]
    // a violent crowd that says what it is against demonstrated; it was not a mob
    [InlineData("An angry mob torched cars in the centre of Kisumu, denouncing the rise in fuel prices.", "type=Riots;sub=Violent demonstration")]
    // a crowd killing a man, with no grievance, is still a mob
    [InlineData("An angry mob lynched a suspected thief in Kisumu.", "sub=Mob violence")]
    // fire opened on a demonstration that kills protesters is excessive force
    [InlineData("Soldiers opened fire on demonstrators in Yangon, killing five protesters.", "type=Protests;sub=Excessive force against protesters")]
    // the dead named only as "people" at a demonstration that was not violent were its protesters
    [InlineData("Police opened fire on a march in Bamako, killing three people.", "sub=Excessive force against protesters;best=3")]
    // police breaking up a sit-in by force intervene
    [InlineData("Police used force to end a sit-in by teachers outside the ministry.", "sub=Protest with intervention")]
    // a chemical attack
    [InlineData("A chemical attack on the town killed dozens of civilians.", "type=Explosions/Remote violence;sub=Chemical weapon")]
    // the state's forces taking ground back
    [InlineData("The army regained control of the district from the insurgents.", "sub=Government regains territory")]
    // ground wrested from rebels
    [InlineData("Government troops wrested control of the town from the rebels.", "sub=Government regains territory")]
    public void English_sub_event(string text, string expectations) => SentenceExpectations.Check("en", text, Day, expectations);

    [Theory]
    // dezamorsarea bate dispozitivul dezamorsat
    [InlineData("Un dispozitiv exploziv improvizat a fost dezamorsat de pirotehnisti langa piata din Mosul.", "type=Strategic developments;sub=Disrupted weapons use")]
    // deminarea nu e un atac cu mine
    [InlineData("Echipele de deminare au scos patruzeci de mine antipersonal de pe un camp de langa Izium.", "sub=Disrupted weapons use")]
    // arme confiscate
    [InlineData("Politia a confiscat arme si munitie dintr-o casa din Kirkuk.", "sub=Disrupted weapons use")]
    // un depozit de arme confiscat
    [InlineData("A fost confiscat un depozit de arme al separatistilor in apropiere de Luhansk.", "sub=Disrupted weapons use")]
    // arme confiscate langa arestari: decid arestarile, spuse primele
    [InlineData("Politia a arestat noua membri ai unei bande dupa o operatiune in care au fost confiscate arme si munitie.", "sub=Arrests")]
    // un atac cu exploziv asupra unei baze militare e o tinta, nu o baza noua
    [InlineData("Un atac cu exploziv asupra unei baze militare a ranit sapte soldati.", "type=Explosions/Remote violence;sub=Remote explosive/landmine/IED")]
    // un cartier general stabilit
    [InlineData("Gruparea si-a stabilit cartierul general intr-o scoala din Kidal.", "sub=Headquarters or base established")]
    // o baza instalata
    [InlineData("Rebelii si-au instalat baza intr-o scoala parasita de langa Djugu.", "sub=Headquarters or base established")]
    // credinta jurata altei grupari
    [InlineData("Militia locala a jurat credinta Statului Islamic.", "type=Strategic developments;sub=Change to group/activity")]
    // grupari unite sub o comanda
    [InlineData("Trei grupari armate s-au unit sub o singura comanda in Idlib.", "sub=Change to group/activity")]
    // o grupare scindata
    [InlineData("Gruparea rebela s-a scindat in doua factiuni dupa moartea liderului.", "sub=Change to group/activity")]
    // teritoriu predat dupa retragere
    [InlineData("Rebelii s-au retras din oras si au predat controlul armatei.", "sub=Non-violent transfer of territory")]
    // control preluat fara lupte
    [InlineData("Armata a preluat controlul asupra orasului fara lupte, dupa retragerea militiei.", "type=Strategic developments;sub=Non-violent transfer of territory")]
    // control preluat dupa lupte ramane schimbare de teritoriu
    [InlineData("Armata a preluat controlul asupra orasului dupa lupte grele cu militia.", "sub=Government regains territory")]
    // acord de incetare a focului
    [InlineData("Cele doua parti au semnat un acord de incetare a focului la Tripoli.", "sub=Agreement")]
    // schimb de prizonieri
    [InlineData("Armata si rebelii au facut schimb de prizonieri langa Marib.", "sub=Agreement")]
    // focuri de avertisment fara tinta
    [InlineData("Granicerii au tras focuri de avertisment langa sat cand ciobanii au trecut linia.", "type=Strategic developments;sub=Other")]
    // manifestanti care sparg vitrine
    [InlineData("Manifestantii au spart vitrinele magazinelor in timpul mitingului de la Minsk.", "type=Riots;sub=Violent demonstration")]
    // o gloata cu o revendicare a manifestat violent
    [InlineData("O gloata furioasa a incendiat masini in centrul orasului, denuntand scumpirea carburantilor.", "type=Riots;sub=Violent demonstration")]
    // focul deschis asupra manifestantilor, cu morti, e forta excesiva
    [InlineData("Soldatii au deschis focul asupra manifestantilor la Yangon, ucigand cinci protestatari.", "type=Protests;sub=Excessive force against protesters")]
    // mortii numiti doar "oameni" la o manifestatie care nu a fost violenta erau protestatari
    [InlineData("Politia a deschis focul asupra unui mars la Bamako, ucigand trei oameni.", "sub=Excessive force against protesters;best=3")]
    // jandarmi care imprastie protestul intervin
    [InlineData("Jandarmii au imprastiat protestul profesorilor din fata ministerului.", "sub=Protest with intervention")]
    // atac chimic
    [InlineData("Un atac chimic asupra orasului a ucis zeci de civili.", "type=Explosions/Remote violence;sub=Chemical weapon")]
    // armata elibereaza un oras
    [InlineData("Armata a eliberat orasul Mosul.", "sub=Government regains territory")]
    // "a eliberat" oameni nu e teritoriu
    [InlineData("Armata a eliberat doi ostatici in Mosul.", "none")]
    // armata recaptureaza
    [InlineData("Trupele guvernamentale au recapturat satul de la rebeli.", "sub=Government regains territory")]
    public void Romanian_sub_event(string text, string expectations) => SentenceExpectations.Check("ro", text, Day, expectations);
}
