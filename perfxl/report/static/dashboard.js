// The batch dashboard's sorting and filtering (templates/dashboard.html.j2), inlined: no network, no library.
(function(){
  function val(row,i){var c=row.cells[i];var v=c.getAttribute('data-v');if(v===null)v=c.textContent.trim();
    var n=Number(v);return (v!==''&&isFinite(n))?n:v;}
  function sortBy(table,i,th){var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
    var asc=th.getAttribute('data-dir')!=='asc';
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('data-dir');});
    th.setAttribute('data-dir',asc?'asc':'desc');
    rows.sort(function(a,b){var x=val(a,i),y=val(b,i),r;
      if(x===''||y==='')return (x==='')-(y==='');
      if(typeof x==='number'&&typeof y==='number')r=x-y;
      else if(typeof x==='number')r=-1;else if(typeof y==='number')r=1;
      else r=String(x).localeCompare(String(y),'zh');return asc?r:-r;});
    var frag=document.createDocumentFragment();rows.forEach(function(r){frag.appendChild(r);});body.appendChild(frag);}
  function applyFilters(table){var box=document.querySelector('[data-for="'+table.id+'"]');
    var text=(box.querySelector('input[type=search]')||{value:''}).value.toLowerCase();
    var selects=box.querySelectorAll('select');var shown=0,total=table.tBodies[0].rows.length;
    Array.prototype.forEach.call(table.tBodies[0].rows,function(row){var ok=!text||row.textContent.toLowerCase().indexOf(text)>=0;
      Array.prototype.forEach.call(selects,function(s){if(s.value&&row.getAttribute('data-'+s.name)!==s.value)ok=false;});
      row.style.display=ok?'':'none';if(ok)shown++;});
    var count=box.querySelector('.count');if(count)count.textContent='显示 '+shown+' / '+total;}
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){sortBy(table,i,th);});});
    var box=document.querySelector('[data-for="'+table.id+'"]');if(!box)return;
    Array.prototype.forEach.call(box.querySelectorAll('input,select'),function(el){el.addEventListener('input',function(){applyFilters(table);});});
    applyFilters(table);});
  Array.prototype.forEach.call(document.querySelectorAll('a.code'),function(a){a.addEventListener('click',function(ev){
    ev.preventDefault();var sel=document.querySelector('#findings-tools select[name=code]');if(!sel)return;
    sel.value=a.textContent;applyFilters(document.getElementById('findings'));
    document.getElementById('findings-section').scrollIntoView();});});
})();
