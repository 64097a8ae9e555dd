namespace Sitrep.Tests.Extraction;

/// <summary>Un fenomen romanesc pe rand, in propozitii scrise pentru aceste teste (publicate miercuri 17 martie 2021, daca nu se spune altfel).</summary>
public sealed class RomanianSentenceTests
{
    private const string Day = "2021-03-17";

    [Theory]
    // un verb de lupta face o ciocnire armata
    [InlineData("Rebelii si trupele guvernamentale s-au confruntat marti langa Goma.", "type=Battles;sub=Armed clash")]
    // obuzele fac bombardament de artilerie
    [InlineData("Obuzele au lovit periferia orasului Donetk in timpul noptii.", "sub=Shelling/artillery/missile attack")]
    // loviturile aeriene
    [InlineData("Avioanele au efectuat lovituri aeriene asupra unei piete din Idlib.", "sub=Air/drone strike")]
    // un dispozitiv plantat
    [InlineData("O bomba artizanala a lovit un convoi al politiei langa Kandahar.", "sub=Remote explosive/landmine/IED")]
    // grenada
    [InlineData("Necunoscuti au aruncat o grenada intr-un bar din Bujumbura.", "sub=Grenade")]
    // atacatorul sinucigas
    [InlineData("Un atacator sinucigas s-a aruncat in aer la un punct de control din Mogadiscio.", "sub=Suicide bomb")]
    // rapirea
    [InlineData("Barbati inarmati au rapit 11 calatori pe autostrada de langa Kaduna.", "type=Violence against civilians;sub=Abduction/forced disappearance")]
    // protestul pasnic
    [InlineData("Sute de asistente au protestat in fata parlamentului din Lima.", "type=Protests;sub=Peaceful protest")]
    // interventia politiei spusa in propozitia urmatoare
    [InlineData("Profesorii au protestat la Dhaka. Jandarmii au folosit tunuri cu apa.", "sub=Protest with intervention;events=1")]
    // o multime (eticheta de marime ACLED) care arunca cu pietre fara un cuvant de protest este violenta de grup
    [InlineData("Satenii au aruncat cu pietre in politisti la Bhopal. [size=dozens]", "sub=Mob violence")]
    // o demonstratie urmata de ciocniri cu politia a devenit violenta
    [InlineData("Muncitorii au protestat la Kiev pentru salariile restante. Au urmat ciocniri cu politia la pranz.", "sub=Violent demonstration;events=1")]
    // o grenada la care s-a raspuns cu foc in propozitia urmatoare a fost o lupta
    [InlineData("Militantii au aruncat o grenada asupra unui post de politie din Beledweyne. Politistii au ripostat.", "sub=Armed clash;events=1")]
    // bombardamentul fara riposta ramane bombardament
    [InlineData("Militantii au bombardat un post de politie din Beledweyne.", "sub=Shelling/artillery/missile attack")]
    // arestarea contestata de protest, dupa o paranteza, povestita din nou in propozitia urmatoare, e motivul protestului
    [InlineData("Avocatii au protestat la Quetta (Balochistan), impotriva arestarii unui lider sindical. El a fost arestat acasa.", "sub=Peaceful protest")]
    // arestarea protestatarilor este o interventie
    [InlineData("Avocatii au protestat la Quetta fata de noile taxe. Politia a arestat doisprezece protestatari.", "sub=Protest with intervention")]
    // protestatarii care arunca cu pietre
    [InlineData("Studentii au protestat la Abuja si au aruncat cu pietre in masina guvernatorului.", "type=Riots;sub=Violent demonstration")]
    // gloata
    [InlineData("O gloata furioasa a linsat un presupus hot in Kisumu.", "sub=Mob violence")]
    // arestarile statului
    [InlineData("Politia a arestat 12 activisti ai opozitiei la Minsk.", "sub=Arrests")]
    // arestarile unui grup armat sunt rapiri
    [InlineData("Talibanii au retinut patru lucratori umanitari in Ghazni.", "sub=Abduction/forced disappearance")]
    // jaful
    [InlineData("Militienii au jefuit magazinele din piata din Bunia.", "sub=Looting/property destruction")]
    // fortele unui stat recuceresc teritoriul
    [InlineData("Trupele siriene au recucerit orasul Palmyra.", "sub=Government regains territory")]
    // un grup nestatal preia teritoriul
    [InlineData("Rebelii houthi au preluat controlul districtului Nihm.", "sub=Non-state actor overtakes territory")]
    // rebelii numiti printr-un substantiv comun cuceresc un oras: teritoriu preluat de un actor nestatal
    [InlineData("Rebelii au cucerit orasul Menaka de la armata.", "sub=Non-state actor overtakes territory")]
    // separatistii ocupa un sat
    [InlineData("Separatistii au ocupat satul Vodiane duminica.", "sub=Non-state actor overtakes territory")]
    // militarii recuceresc orasul de la militanti
    [InlineData("Militarii au recucerit orasul Damasak de la militanti.", "sub=Government regains territory")]
    // armistitiul e un acord
    [InlineData("Cele doua militii au semnat un armistitiu la Tripoli.", "sub=Agreement")]
    // dezamorsarea
    [InlineData("Genistii au dezamorsat o mina antipersonal langa Mosul.", "sub=Disrupted weapons use")]
    // atacul asupra unei tinte neinarmate e violenta impotriva civililor
    [InlineData("Barbati inarmati au atacat un sat din Zamfara.", "type=Violence against civilians;sub=Attack")]
    // acelasi verb asupra unei tinte armate e o ciocnire
    [InlineData("Insurgentii au atacat o baza a armatei in Borno.", "type=Battles;sub=Armed clash")]
    // exploziile observate sunt bombardament
    [InlineData("Observatorii au observat 40 de explozii langa Horlivka.", "sub=Shelling/artillery/missile attack")]
    // un numar exact cu victimele lui
    [InlineData("Trei sateni au murit in atacul de marti.", "count=3;category=civilian;outcome=killed;best=3")]
    // cel putin: o limita de jos fara limita de sus
    [InlineData("Cel putin 14 persoane au fost ucise in Maiduguri.", "count=14;min=14;max=null;high=null")]
    // peste: limita de jos e numarul urmator
    [InlineData("Peste 20 de luptatori si-au pierdut viata in lupta.", "min=21;max=null;category=combatant")]
    // sute: limite vagi, numarul ACLED pentru best
    [InlineData("Sute de civili au murit in timpul asediului.", "count=null;min=200;max=999;approx=true;best=100")]
    // zeci de raniti
    [InlineData("Zeci de protestatari au fost raniti de jandarmi.", "outcome=wounded;min=20;max=99;category=protester")]
    // pierderi neanuntate: inregistrare negata fara numar, niciodata zero
    [InlineData("Ministerul nu a raportat pierderi in randul trupelor sale.", "cstatus=negated;count=null;category=military")]
    // nicio victima
    [InlineData("Nu au fost raportate decese dupa explozia din Kabul.", "cstatus=negated;count=null;low=null")]
    // ipoteza
    [InlineData("Rebelii ar fi putut ataca orasul.", "status=hypothetical;none")]
    // viitorul
    [InlineData("Armata va lansa o ofensiva saptamana viitoare.", "status=future;none")]
    // amenintarea e o declaratie, iar ce e amenintat nu e eveniment
    [InlineData("Militia a amenintat ca va ataca orasul.", "type=Statements;sub=Threat;events=1")]
    // un an anterior face evenimentul istoric
    [InlineData("In 1994, militiile au atacat satul.", "status=historical;none")]
    // "in acele zile" priveste inapoi la un timp numit inainte: atentatul de atunci e fundal
    [InlineData("In acele zile, cel putin 60 de civili murisera intr-un atentat la autogara.", "status=historical;cstatus=historical;min=60;none")]
    // bilantul anilor '90 e istoric
    [InlineData("Razboiul din anii '90 s-a soldat cu 20.000 de morti.", "cstatus=historical;count=20000;none")]
    // bilantul unui razboi trecut fara timp propriu nu are data, niciodata data publicarii
    [InlineData("Conflictul din anii '80 s-a soldat cu 3.000 de morti.", "status=historical;date=null")]
    // un eveniment istoric datat printr-un an propriu primeste acel an
    [InlineData("In 1995, militienii au bombardat orasul.", "status=historical;date=1995-01-01;end=1995-12-31;precision=year")]
    // un an dupa "din" e termen de comparatie
    [InlineData("Bombardamentele au fost cele mai intense din 2014.", "status=current;noyear=2014")]
    // "potrivit" numeste sursa: institutia si proprietarul ei
    [InlineData("Opt militari au murit, potrivit armatei ucrainene.", "claimant~=Military Forces of Ukraine")]
    // releul: "citat de"
    [InlineData("Sase politisti au fost raniti, potrivit unui oficial citat de Reuters.", "via=Reuters;category=police")]
    // subiectul lui "a declarat" e sursa
    [InlineData("Armata nigeriana a declarat ca 30 de militanti au murit in operatiune.", "count=30;claimant~=Nigeria")]
    // dupa un citat, vorbitorul urmeaza verbului
    [InlineData("\"Sapte insurgenti au murit in operatiune\", a precizat ministerul Apararii din Irak.", "count=7;claimant~=Ministry of Defence of Iraq")]
    // numarul intr-o propozitie, sursa in urmatoarea
    [InlineData("Patru civili au murit in explozie. Ministerul de Interne din Afganistan a anuntat acest lucru vineri.", "count=4;claimant~=Ministry of Interior of Afghanistan")]
    // afirmatia unei tabere despre pierderile inamicului ridica doar limita de sus
    [InlineData("Rebelii au ucis 5 militari intr-o ambuscada. Armata sustine ca a ucis zeci de luptatori inamici.", "low=5;best=5;high=104")]
    // surse diferite, cifre diferite pentru aceleasi victime: se contrazic
    [InlineData("Politia a declarat ca doi protestatari au murit, iar organizatorii au afirmat ca sapte protestatari au murit.", "contradicts;low=2;high=7")]
    // doua tabere care revendica acelasi teren se contrazic
    [InlineData("Armata yemenita a afirmat ca a recucerit Marib, dar rebelii houthi au afirmat ca au preluat controlul orasului.", "contradicts;claim~=Houthis")]
    // apelul
    [InlineData("Uniunea Africana a facut apel la ambele tabere sa depuna armele.", "type=Statements;sub=Appeal")]
    // capitalele stau pentru guverne
    [InlineData("Kievul a acuzat Moscova de incalcarea armistitiului.", "sub=Accusation;actor1~=Government of Ukraine;actor2~=Government of Russia;events=1")]
    // negarea
    [InlineData("Kigali a negat acuzatiile luni.", "sub=Denial")]
    // intalnirea e contact diplomatic
    [InlineData("Ministrul turc de externe s-a intalnit cu omologul sau iranian la Teheran.", "sub=Diplomatic contact")]
    // o zi a saptamanii e ultima astfel de zi pana la publicare
    [InlineData("Militantii au atacat un post de politie duminica.", "date=2021-03-14;precision=day")]
    // ieri
    [InlineData("Doi militari au murit intr-o ambuscada ieri.", "date=2021-03-16;precision=day")]
    // o data explicita
    [InlineData("Pe 9 martie 2021, barbati inarmati au rapit un preot in Enugu.", "date=2021-03-09;end=2021-03-09")]
    // pro-X numeste tabara
    [InlineData("Cincisprezece luptatori pro-houthi au murit in luptele de langa Sirwah.", "side=Houthis;count=15")]
    // un singur om: articolul nehotarat
    [InlineData("Un fermier a fost impuscat mortal langa Jos.", "count=1;best=1;sub=Attack")]
    // o ucidere fara numeral, victima numita prin meserie, numara unu
    [InlineData("Bandiții au ucis un medic in Maiduguri.", "count=1;best=1;category=civilian")]
    // doua persoane din acelasi grup, numite separat de aceeasi sursa, se aduna
    [InlineData("Bandiții au ucis un medic si un comerciant langa Bama.", "low=2;best=2;high=2")]
    // un numeral ordinal nu este un bilant
    [InlineData("Doi fermieri au fost ucisi, a 40-a crima de acest fel din regiune.", "best=2;low=2;high=2")]
    // victime diferite se aduna
    [InlineData("Trei politisti si doi civili au murit in atacul asupra convoiului.", "best=5;low=5")]
    // aceleasi victime de la doua surse sunt alternative, nu suma
    [InlineData("Politia a declarat ca 4 civili au murit; locuitorii au afirmat ca 9 civili au murit.", "low=4;best=4;high=9")]
    // o cifra cu partea numita si una rivala de la alt sursa, fara parte, sunt aceleasi victime, nu o suma
    [InlineData("Politia a declarat ca 12 sateni nigerieni au murit in raid. Localnicii au afirmat ca 19 sateni au murit.", "low=12;best=12;high=19")]
    // un bilant fara victime numite de la o sursa care nu a numit niciun grup este o cifra rivala
    [InlineData("Armata a declarat ca 12 civili au murit in atac. Un oficial local a afirmat ca 19 au fost ucisi.", "low=12;best=12;high=19")]
    // civili din doua tabere diferite se aduna
    [InlineData("Cinci civili azeri si doi civili armeni au fost ucisi in bombardament.", "low=7;best=7;high=7")]
    // autorul dupa "de catre" nu e victima
    [InlineData("Un barbat a fost ucis de catre un militant in Kano.", "best=1;category=civilian")]
    // un bilant final care nu numeste victimele reia totalul
    [InlineData("Un comerciant a fost impuscat mortal in Kano. 1 mort.", "best=1;low=1")]
    public void Romanian_sentence(string text, string expectations) => SentenceExpectations.Check("ro", text, Day, expectations);

    [Fact]
    public void O_zi_a_saptamanii_cu_data_publicarii_doar_luna_ramane_in_luna()
    {
        SentenceExpectations.Check("ro", "Bombardamentele au reluat vineri langa aeroport.", "2021-03", "date=2021-03-01;end=2021-03-31;precision=month");
    }

    [Theory]
    // atacul in sport
    [InlineData("Atacantul a marcat dupa un atac rapid al echipei.")]
    // un film esuat
    [InlineData("Filmul a fost o adevarata bomba de box-office.")]
    // pietele
    [InlineData("Preturile au explodat dupa anuntul guvernului.")]
    // politica drept razboi
    [InlineData("Partidele au intrat intr-un razboi politic fara sfarsit.")]
    // razboiul preturilor
    [InlineData("Razboiul preturilor dintre retaileri continua.")]
    // medicina
    [InlineData("Bunicul a suferit un atac cerebral duminica.")]
    // comemorarea unei lupte trecute
    [InlineData("Veteranii au marcat aniversarea luptelor de la Marasesti.")]
    // un cuvant de sport departe de verb, fara victime, arme sau actori armati
    [InlineData("Atacul lor a strapuns in sfarsit apararea in repriza a doua, iar arbitrul a prelungit meciul.")]
    // un scor spune ca e vorba de un joc
    [InlineData("Gazdele au zdrobit oaspetii cu 3-0 si le-au distrus sperantele la titlu.")]
    // sah
    [InlineData("Campioana a lansat un atac pe flancul regelui si a capturat doi pioni in finala de sah.")]
    // pompierii
    [InlineData("Pompierii s-au luptat toata noaptea cu un incendiu de vegetatie, ajutati de vantul care s-a mai calmat.")]
    // gastronomie
    [InlineData("Desertul bucatarului este o adevarata bomba, spun criticii.")]
    // un exercitiu
    [InlineData("Infanteristii marini au facut un exercitiu care a simulat un asalt asupra unei baze de pe coasta.")]
    // un festival
    [InlineData("Spectatorii au luat cu asalt portile in prima zi a festivalului de muzica.")]
    // al Doilea Razboi Mondial fara articol
    [InlineData("Orasul a organizat o parada la aniversarea sfarsitului celui de-al Doilea Razboi Mondial, iar veteranii au luptat cu lacrimile.")]
    public void Propozitiile_care_doar_par_violente_nu_fac_eveniment_curent(string text) =>
        SentenceExpectations.Check("ro", text, Day, "none");

    [Theory]
    // un cuvant de cadru nu anuleaza un atac cu victime
    [InlineData("Barbati inarmati au deschis focul asupra suporterilor dupa meci, ucigand trei oameni.", "best=3")]
    // nici unul cu arma atacatorilor
    [InlineData("O grenada aruncata in multimea de la festival a ranit doisprezece civili.", "type=Explosions/Remote violence")]
    // nici unul cu atacatori armati
    [InlineData("Militantii au atacat convoiul arbitrului langa granita.", "type=Battles")]
    public void Violenta_intr_o_propozitie_cu_un_cadru_ramane_cand_propozitia_arata_conflict(string text, string expectations) =>
        SentenceExpectations.Check("ro", text, Day, expectations);
}
